"""Article bodies for the API: HTML, and structured blocks, in a fixed number of queries.

The same bulk reading as the feeds' full text (:class:`broadsheet.feeds.content.FeedBodies`:
every photo and linked page of all the articles in one query each), plus each body as a list
of typed blocks whose rich text is HTML with absolute links and whose photos and related
articles are spelled out.
"""

from typing import Any

from broadsheet.core.absolute import absolute_url, page_url
from broadsheet.feeds.content import FIGURE_SPEC, FeedBodies


class ApiBodies(FeedBodies):
    """Bodies of the given articles, as HTML (:meth:`html`) and as blocks (:meth:`blocks`)."""

    @property
    def page_ids(self) -> list[int]:
        """The pages the bodies show a title or link of: their keys purge the response."""
        return sorted(self._pages)

    def blocks(self, article) -> list[dict[str, Any]]:
        return [self._block(block) for block in self._streams.get(article.pk, ())]

    def _block(self, block: dict[str, Any]) -> dict[str, Any]:
        kind, value = block["type"], block["value"]
        out: dict[str, Any] = {"type": kind, "id": block.get("id", "")}
        if kind == "paragraph":
            out["html"] = str(self._rich_text(value))
        elif kind == "subheading":
            out["text"] = value
        elif kind == "quote":
            out.update(text=value.get("text", ""), attribution=value.get("attribution", ""))
        elif kind == "fact_box":
            out.update(
                title=value.get("title", ""), html=str(self._rich_text(value.get("body", "")))
            )
        elif kind == "image":
            out["image"] = self._image(value)
        elif kind == "related":
            page = self._pages.get(value.get("article"))
            url = page and page_url(self._request, page)
            out["article"] = {"id": page.pk, "title": page.title, "url": url} if url else None
            out["label"] = value.get("label", "")
        return out

    def _image(self, value: dict[str, Any]) -> dict[str, Any] | None:
        raw = value.get("image")
        photo = self._photos.get(raw.get("image") if isinstance(raw, dict) else raw)
        if photo is None:
            return None
        rendition = photo.get_rendition(FIGURE_SPEC)
        alt = raw.get("alt_text") if isinstance(raw, dict) else ""
        return {
            "id": photo.pk,
            "url": absolute_url(self._request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt or photo.description,
            "caption": value.get("caption") or photo.default_caption,
            "credit": value.get("credit") or photo.credit,
        }
