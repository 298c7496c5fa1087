"""Full-text HTML of many articles for a feed, with a fixed number of database queries.

Rendering each body through its block templates would look up the photos, renditions, related
articles and linked pages of every article separately, so a feed of thirty articles would cost
a hundred queries. Instead the raw stream data of all articles is read first, every photo and
page it points at is fetched in one query each, and the HTML is built from those lookups.

Feed readers get plain, absolute-URL HTML: paragraphs as written, subheadings, quotes, figures
with caption and credit, fact boxes and related-article links. Nothing relies on our CSS.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.rich_text.rewriters import LinkRewriter

from broadsheet.articles.models import ArticlePage
from broadsheet.core.absolute import absolute_url, page_url
from broadsheet.images.models import Photo

FIGURE_SPEC = "width-900"


def _image_id(value: Any) -> int | None:
    """The photo id in a figure's raw ``image`` value (an ``ImageBlock`` dict or a bare id)."""
    if isinstance(value, dict):
        value = value.get("image")
    return value if isinstance(value, int) else None


def _image_alt(value: Any, photo: Photo) -> str:
    if isinstance(value, dict):
        if value.get("decorative"):
            return ""
        if value.get("alt_text"):
            return value["alt_text"]
    return photo.description


class FeedBodies:
    """Builds the full-text HTML of the given articles; call :meth:`html` for each one."""

    def __init__(self, articles: Iterable[ArticlePage], *, request: HttpRequest) -> None:
        self._request = request
        self._streams = {article.pk: list(article.body.raw_data) for article in articles}
        self._link_ids: set[int] = set()
        photo_ids: set[int] = set()
        page_ids: set[int] = set()
        rewriter = LinkRewriter(bulk_rules={"page": self._collect_page_links})
        for block in self._blocks():
            kind, value = block["type"], block["value"]
            if kind == "image" and _image_id(value.get("image")):
                photo_ids.add(_image_id(value.get("image")))
            elif kind == "related" and isinstance(value.get("article"), int):
                page_ids.add(value["article"])
            elif kind in {"paragraph", "fact_box"}:
                rewriter(value if kind == "paragraph" else value.get("body", ""))
        self._photos = Photo.objects.filter(pk__in=photo_ids).prefetch_renditions(FIGURE_SPEC)
        self._photos = {photo.pk: photo for photo in self._photos}
        page_ids |= self._link_ids
        # Live pages only, as on the article page; a private one still asks for its password.
        pages = Page.objects.live().filter(pk__in=page_ids).only("title", "url_path")
        self._pages = {page.pk: page for page in pages}
        self._rewrite = LinkRewriter(bulk_rules={"page": self._page_links})

    def _blocks(self) -> Iterator[dict[str, Any]]:
        for stream in self._streams.values():
            yield from stream

    def _collect_page_links(self, attrs_list: list[dict[str, str]]) -> list[str]:
        self._link_ids.update(int(a["id"]) for a in attrs_list if a.get("id", "").isdigit())
        return []

    def _page_links(self, attrs_list: list[dict[str, str]]) -> list[str]:
        replacements = []
        for attrs in attrs_list:
            page_id = attrs.get("id", "")
            page = self._pages.get(int(page_id)) if page_id.isdigit() else None
            url = page and page_url(self._request, page)
            replacements.append(format_html('<a href="{}">', url) if url else "<a>")
        return replacements

    def html(self, article: ArticlePage) -> SafeString:
        """The full text of one article given to the constructor, as HTML."""
        parts = (self._block_html(block) for block in self._streams.get(article.pk, ()))
        return mark_safe("\n".join(part for part in parts if part))  # noqa: S308

    def _block_html(self, block: dict[str, Any]) -> str:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            return self._rich_text(value)
        if kind == "subheading":
            return format_html("<h2>{}</h2>", value)
        if kind == "quote":
            return self._quote(value)
        if kind == "image":
            return self._figure(value)
        if kind == "fact_box":
            body = self._rich_text(value.get("body", ""))
            return format_html("<aside><h3>{}</h3>{}</aside>", value.get("title", ""), body)
        if kind == "related":
            return self._related(value)
        return ""

    def _rich_text(self, source: str) -> SafeString:
        # Stored rich text is Draftail's database HTML, already restricted to our features;
        # only its internal page links need rewriting into absolute URLs.
        return mark_safe(self._rewrite(source))  # noqa: S308

    def _quote(self, value: dict[str, Any]) -> str:
        text = format_html("<blockquote><p>{}</p></blockquote>", value.get("text", ""))
        if value.get("attribution"):
            return format_html("{}<p>— {}</p>", text, value["attribution"])
        return text

    def _figure(self, value: dict[str, Any]) -> str:
        raw = value.get("image")
        photo = self._photos.get(_image_id(raw))
        if photo is None:
            return ""
        rendition = photo.get_rendition(FIGURE_SPEC)
        caption = value.get("caption") or photo.default_caption
        credit = value.get("credit") or photo.credit
        notes = [caption] if caption else []
        if credit:
            notes.append(_("Photo: %(credit)s") % {"credit": credit})
        figcaption = format_html_join(" ", "{}", ((note,) for note in notes))
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="{}">{}</figure>',
            absolute_url(self._request, rendition.url),
            rendition.width,
            rendition.height,
            _image_alt(raw, photo),
            format_html("<figcaption>{}</figcaption>", figcaption) if notes else "",
        )

    def _related(self, value: dict[str, Any]) -> str:
        page = self._pages.get(value.get("article"))
        url = page and page_url(self._request, page)
        if not url:
            return ""
        return format_html(
            '<p>{}: <a href="{}">{}</a></p>',
            value.get("label") or _("Read more"),
            url,
            page.title,
        )
