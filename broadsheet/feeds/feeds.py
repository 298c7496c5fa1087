"""Article feeds for the whole site, a section, a topic and an author, on Django's ``Feed``.

One class per scope; the format (RSS, Atom, JSON Feed) is chosen per request by the view, which
creates a fresh feed object each time, so the request can be kept on ``self``. Every feed
evaluates its articles once in ``get_object`` and renders full texts in bulk, so the number of
queries is the same for three articles or thirty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import SyndicationFeed
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page, Site
from wagtail.query import PageQuerySet

from broadsheet.articles import keys as article_keys
from broadsheet.articles.models import ArticlePage, Author, SectionPage
from broadsheet.articles.selectors import private_q
from broadsheet.caching import keys
from broadsheet.core.absolute import absolute_url, page_url, topic_path
from broadsheet.core.models import SiteSettings
from broadsheet.feeds import selectors
from broadsheet.feeds.content import FeedBodies
from broadsheet.feeds.generators import FEED_TYPES, Byline, FeedImage
from broadsheet.images.models import Photo

# title, absolute link, description and the (unevaluated) articles of a feed
ScopeParts = tuple[str, str, str, PageQuerySet]
IMAGE_TYPES = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif"}


@dataclass
class FeedScope:
    """What one feed is about, with its articles already fetched."""

    title: str
    link: str
    description: str
    articles: list[ArticlePage]
    bodies: FeedBodies | None = None


def stable_guid(request: HttpRequest, kind: str, pk: int, date: datetime | None) -> str:
    """A tag URI (RFC 4151) that survives slug and section changes, e.g.
    ``tag:news.example.org,2025-12-06:article/42``."""
    site = Site.find_for_request(request)
    host = site.hostname if site else request.get_host().split(":")[0]
    day = f",{date:%Y-%m-%d}" if date else ""
    return f"tag:{host}{day}:{kind}/{pk}"


def image_of(request: HttpRequest, photo: Photo | None) -> FeedImage | None:
    """The hero photo as a feed picture (rendition prefetched by the selector)."""
    if photo is None:
        return None
    rendition = photo.get_rendition(selectors.HERO_SPEC)
    extension = rendition.file.name.rsplit(".", 1)[-1].lower()
    return FeedImage(
        url=absolute_url(request, rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=IMAGE_TYPES.get(extension, f"image/{extension}"),
        alt=photo.description,
        credit=photo.credit,
    )


class BroadsheetFeed(Feed):
    """A feed in the format chosen per request, knowing its request and site settings."""

    def __init__(self, fmt: str = "rss") -> None:
        self.fmt = fmt
        self.feed_type = FEED_TYPES[fmt]

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.request = request
        self.site_settings = SiteSettings.for_request(request)
        return super().__call__(request, *args, **kwargs)

    def site_name(self) -> str:
        return self.site_settings.site_name

    def feed_url(self, obj: object) -> str:
        return absolute_url(self.request, self.request.path)

    def author_name(self, obj: object) -> str:
        return self.site_name()


class ArticleFeed(BroadsheetFeed):
    """Shared item fields of every article feed; subclasses say which articles and why."""

    # -- the scope ------------------------------------------------------------------------
    def scope(self, root: Page, **kwargs: str) -> ScopeParts:
        """Return title, absolute link, description and the articles of this feed."""
        raise NotImplementedError

    def get_object(self, request: HttpRequest, **kwargs) -> FeedScope:
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site is configured for this host.")
        full_text = self.site_settings.feed_full_text
        title, link, description, articles = self.scope(site.root_page, **kwargs)
        articles = list(articles[: selectors.FEED_SIZE])
        bodies = FeedBodies(articles, request=request) if full_text else None
        return FeedScope(title, link, description, articles, bodies)

    # -- the feed -------------------------------------------------------------------------
    def title(self, obj: FeedScope) -> str:
        return obj.title

    def link(self, obj: FeedScope) -> str:
        return obj.link

    def description(self, obj: FeedScope) -> str:
        return obj.description

    def items(self, obj: FeedScope) -> list[ArticlePage]:
        return obj.articles

    # -- each article ---------------------------------------------------------------------
    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_link(self, item: ArticlePage) -> str:
        return page_url(self.request, item)

    def item_guid(self, item: ArticlePage) -> str:
        return stable_guid(self.request, "article", item.pk, item.first_published_at)

    item_guid_is_permalink = False

    def item_description(self, item: ArticlePage) -> str:
        # RSS descriptions and Atom summaries are HTML; the standfirst is plain text.
        return escape(item.standfirst)

    def item_pubdate(self, item: ArticlePage) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: ArticlePage) -> datetime | None:
        return item.updated_at or item.published_at

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [tagged.tag.name for tagged in item.tagged_items.all()]

    def item_comments(self, item: ArticlePage) -> str:
        return f"{self.item_link(item)}#comments"

    def item_extra_kwargs(self, item: ArticlePage) -> dict:
        bodies = self._scope_bodies
        return {
            "authors": [
                Byline(link.author.name, absolute_url(self.request, link.author.get_absolute_url()))
                for link in item.article_authors.all()
            ],
            "summary": item.standfirst,
            "content_html": bodies.html(item) if bodies else None,
            "image": image_of(self.request, item.hero_image),
        }

    def get_feed(self, obj: FeedScope, request: HttpRequest) -> SyndicationFeed:
        self._scope_bodies = obj.bodies
        return super().get_feed(obj, request)


class SiteFeed(ArticleFeed):
    """Everything the site publishes."""

    def scope(self, root: Page, **kwargs: str) -> ScopeParts:
        name = self.site_name()
        articles = selectors.articles_for_feed(root, full_text=self.site_settings.feed_full_text)
        description = _("The latest from %(site)s.") % {"site": name}
        keys.add(article_keys.LATEST)
        return name, page_url(self.request, root), description, articles


class SectionFeed(ArticleFeed):
    """One section's articles."""

    def scope(self, root: Page, *, slug: str, **kwargs: str) -> ScopeParts:
        sections = SectionPage.objects.live().exclude(private_q(self.request))
        section = sections.child_of(root).filter(slug=slug).first()
        if section is None:
            raise Http404("No such section.")
        keys.add(article_keys.section(section.pk))
        articles = selectors.articles_for_feed(section, full_text=self.site_settings.feed_full_text)
        title = f"{section.title} – {self.site_name()}"
        description = section.intro or _("The latest from %(section)s.") % {
            "section": section.title
        }
        return title, page_url(self.request, section), description, articles


class TopicFeed(ArticleFeed):
    """Articles tagged with one topic."""

    def scope(self, root: Page, *, slug: str, **kwargs: str) -> ScopeParts:
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404("No such topic.")
        keys.add(article_keys.topic(tag.slug))
        articles = selectors.articles_for_feed(root, full_text=self.site_settings.feed_full_text)
        title = f"{tag.name} – {self.site_name()}"
        description = _("Articles about %(topic)s.") % {"topic": tag.name}
        link = absolute_url(self.request, topic_path(tag.slug))
        return title, link, description, selectors.by_tag_slug(articles, tag.slug)


class AuthorFeed(ArticleFeed):
    """One author's articles, including those they wrote with others."""

    def scope(self, root: Page, *, slug: str, **kwargs: str) -> ScopeParts:
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            raise Http404("No such author.")
        keys.add(article_keys.author(author.pk))
        articles = selectors.articles_for_feed(root, full_text=self.site_settings.feed_full_text)
        title = f"{author.name} – {self.site_name()}"
        description = _("Articles by %(name)s.") % {"name": author.name}
        link = absolute_url(self.request, author.get_absolute_url())
        return title, link, description, selectors.by_author(articles, author)
