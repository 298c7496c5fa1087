"""What each kind of page says about itself in its ``<head>``.

``metadata_for(context)`` looks at the template context the page was rendered with (a Wagtail
``page``, or an ``author`` or ``tag`` from the reader site's views) and returns a
:class:`PageMetadata`: canonical URL, Open Graph and Twitter card values, feed links and
JSON-LD. A view can also put its own ``PageMetadata`` in the context as ``metadata``.

Cost on an article page: the tag list and the section, unless the context already holds the
section; bylines come from the page's context, the hero photo and its rendition are the ones
the page shows anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from taggit.models import Tag

from broadsheet.articles import selectors
from broadsheet.articles.models import HERO_SPEC, ArticlePage, Author, HomePage, SectionPage
from broadsheet.core.absolute import absolute_url, page_url, topic_path
from broadsheet.core.models import SiteSettings
from broadsheet.feeds.links import FeedLink, feed_links
from broadsheet.images.models import Photo
from broadsheet.metadata import jsonld
from broadsheet.metadata.jsonld import Link, Picture

PORTRAIT_SPEC = "fill-400x400"
LOGO = ("metadata/logo.png", 192, 192)
# Query parameters that make a different page (the search query, page numbers and the reader
# site's keyset cursor); anything else (tracking tags, filters) is left out.
CANONICAL_PARAMS = ("q", "page", "before")


@dataclass
class PageMetadata:
    site_name: str
    title: str
    description: str
    canonical: str
    og_type: str = "website"
    image: Picture | None = None
    large_image: bool = False
    properties: list[tuple[str, str]] = field(default_factory=list)
    feed_links: list[FeedLink] = field(default_factory=list)
    json_ld: list[dict[str, Any]] = field(default_factory=list)


class SiteContext:
    """Per-request facts every page's metadata needs: names, root URL, publisher."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.name = SiteSettings.for_request(request).site_name
        self.root = absolute_url(request, "/")
        self.language = translation.get_language() or "en"

    def url(self, path: str) -> str:
        return absolute_url(self.request, path)

    def canonical(self, path: str) -> str:
        """Absolute ``path`` (or URL) plus the query parameters that change what it shows."""
        params = [(k, self.request.GET[k]) for k in CANONICAL_PARAMS if self.request.GET.get(k)]
        params = [(k, v) for k, v in params if not (k == "page" and v == "1")]
        return self.url(path) + (f"?{urlencode(params)}" if params else "")

    @property
    def logo(self) -> Picture:
        path, width, height = LOGO
        return Picture(self.url(static(path)), width, height, self.name)

    def publisher(self) -> dict[str, Any]:
        return jsonld.organization(self.name, self.root, self.logo)

    def feeds(self) -> list[FeedLink]:
        links = feed_links("site", self.name)
        return [FeedLink(link.title, link.mime_type, self.url(link.href)) for link in links]

    def scoped_feeds(self, scope: str, label: str, **kwargs: object) -> list[FeedLink]:
        links = feed_links(scope, label, **kwargs)
        own = [FeedLink(link.title, link.mime_type, self.url(link.href)) for link in links]
        return [*self.feeds(), *own]

    def picture(self, photo: Photo | None, spec: str) -> Picture | None:
        if photo is None:
            return None
        rendition = photo.get_rendition(spec)
        return Picture(
            self.url(rendition.url), rendition.width, rendition.height, photo.description
        )


def search_path() -> str:
    return reverse("site:search")


@dataclass
class ArticleFacts:
    """What an article's Open Graph tags and JSON-LD are made from, gathered once."""

    canonical: str
    section: SectionPage | None
    bylines: list[Link]
    keywords: list[str]
    image: Picture | None
    published: datetime | None
    modified: datetime | None


def article_facts(site: SiteContext, page: ArticlePage, context: Any) -> ArticleFacts:
    authors = context.get("authors")
    if authors is None:
        authors = [link.author for link in page.article_authors.select_related("author")]
    return ArticleFacts(
        canonical=page_url(site.request, page),
        section=selectors.article_section(page, site.request),
        bylines=[Link(author.name, site.url(author.get_absolute_url())) for author in authors],
        keywords=[tag.name for tag in page.topic_list],
        image=site.picture(page.hero_image, HERO_SPEC),
        published=page.published_at,
        modified=page.updated_at or page.published_at,
    )


def article_json_ld(site: SiteContext, page: ArticlePage, facts: ArticleFacts) -> list[dict]:
    source = None
    if page.source_outlet or page.source_url:
        source = jsonld.Source(page.source_outlet, page.source_headline, page.source_url)
    article = jsonld.news_article(
        url=facts.canonical,
        headline=page.title,
        description=page.standfirst,
        published=facts.published,
        modified=facts.modified,
        authors=facts.bylines,
        publisher=site.publisher(),
        image=facts.image,
        section=facts.section.title if facts.section else "",
        keywords=facts.keywords,
        word_count=page.word_count or page.compute_word_count(),
        reading_minutes=page.reading_minutes,
        language=site.language,
        source=source,
    )
    steps = [Link(site.name, site.root)]
    if facts.section:
        steps.append(Link(facts.section.title, page_url(site.request, facts.section)))
    steps.append(Link(page.title, facts.canonical))
    return [article, jsonld.breadcrumb_list(steps)]


def article_properties(facts: ArticleFacts) -> list[tuple[str, str]]:
    """Open Graph ``article:*`` properties; empty ones left out."""
    properties = [
        ("article:published_time", facts.published.isoformat() if facts.published else ""),
        ("article:modified_time", facts.modified.isoformat() if facts.modified else ""),
        ("article:section", facts.section.title if facts.section else ""),
        *(("article:author", byline.url) for byline in facts.bylines),
        *(("article:tag", keyword) for keyword in facts.keywords),
    ]
    return [(name, value) for name, value in properties if value]


def article_metadata(site: SiteContext, page: ArticlePage, context: Any) -> PageMetadata:
    facts = article_facts(site, page, context)
    comments = _("Comments on “%(headline)s”") % {"headline": page.title}
    return PageMetadata(
        site_name=site.name,
        title=page.seo_title or page.title,
        description=page.search_description or page.standfirst,
        canonical=facts.canonical,
        og_type="article",
        image=facts.image or site.logo,
        large_image=facts.image is not None,
        properties=article_properties(facts),
        feed_links=site.scoped_feeds("comments", comments, article_id=page.pk),
        json_ld=article_json_ld(site, page, facts),
    )


def section_metadata(site: SiteContext, page: SectionPage) -> PageMetadata:
    url = page_url(site.request, page)
    canonical = site.canonical(url)
    steps = [Link(site.name, site.root), Link(page.title, url)]
    return PageMetadata(
        site_name=site.name,
        title=page.seo_title or page.title,
        description=page.search_description
        or page.intro
        or _("The latest from %(section)s.") % {"section": page.title},
        canonical=canonical,
        image=site.logo,
        feed_links=site.scoped_feeds("section", page.title, slug=page.slug),
        json_ld=[jsonld.breadcrumb_list(steps)],
    )


def home_metadata(site: SiteContext, page: HomePage) -> PageMetadata:
    search = site.url(search_path()) + "?" + urlencode({"q": "QUERY"})
    search = search.replace("QUERY", "{search_term_string}")
    website = jsonld.website(
        name=site.name, url=site.root, search_url_template=search, language=site.language
    )
    publisher = {"@context": jsonld.SCHEMA, **site.publisher()}
    return PageMetadata(
        site_name=site.name,
        title=page.seo_title or site.name,
        description=page.search_description or _("News from %(site)s.") % {"site": site.name},
        canonical=site.canonical(page_url(site.request, page)),
        image=site.logo,
        feed_links=site.feeds(),
        json_ld=[website, publisher],
    )


def author_metadata(site: SiteContext, author: Author) -> PageMetadata:
    url = site.url(author.get_absolute_url())
    portrait = site.picture(author.photo, PORTRAIT_SPEC)
    profile = jsonld.profile_page(
        url=url,
        author=Link(author.name, url),
        job_title=author.role,
        bio=author.bio,
        image=portrait,
    )
    return PageMetadata(
        site_name=site.name,
        title=author.name,
        description=author.bio or author.role or _("Articles by %(name)s.") % {"name": author.name},
        canonical=site.canonical(author.get_absolute_url()),
        og_type="profile",
        image=portrait or site.logo,
        feed_links=site.scoped_feeds("author", author.name, slug=author.slug),
        json_ld=[profile],
    )


def topic_metadata(site: SiteContext, tag: Tag) -> PageMetadata:
    path = topic_path(tag.slug)
    steps = [Link(site.name, site.root), Link(tag.name, site.url(path))]
    return PageMetadata(
        site_name=site.name,
        title=tag.name,
        description=_("Articles about %(topic)s.") % {"topic": tag.name},
        canonical=site.canonical(path),
        image=site.logo,
        feed_links=site.scoped_feeds("topic", tag.name, slug=tag.slug),
        json_ld=[jsonld.breadcrumb_list(steps)],
    )


def other_metadata(site: SiteContext, context: Any) -> PageMetadata:
    """Any other page (archive, search, errors): its own URL and the site's feeds."""
    page = context.get("page")
    title = getattr(page, "seo_title", "") or getattr(page, "title", "") or site.name
    return PageMetadata(
        site_name=site.name,
        title=title,
        description=getattr(page, "search_description", "") or site.name,
        canonical=site.canonical(site.request.path),
        image=site.logo,
        feed_links=site.feeds(),
    )


def metadata_for(context: Any) -> PageMetadata | None:
    """The metadata of the page being rendered with ``context``; ``None`` without a request."""
    request = context.get("request")
    if request is None:
        return None
    given = context.get("metadata")
    if isinstance(given, PageMetadata):
        return given
    site = SiteContext(request)
    page = context.get("page")
    if isinstance(page, ArticlePage):
        return article_metadata(site, page, context)
    if isinstance(page, SectionPage):
        return section_metadata(site, page)
    if isinstance(page, HomePage):
        return home_metadata(site, page)
    if isinstance(context.get("author"), Author):
        return author_metadata(site, context["author"])
    if isinstance(context.get("tag"), Tag):
        return topic_metadata(site, context["tag"])
    return other_metadata(site, context)
