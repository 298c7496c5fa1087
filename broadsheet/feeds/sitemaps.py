"""Sitemaps: an index over pages, articles, authors and topics, plus a Google News sitemap.

Built on Wagtail's ``Sitemap`` (Django's, given the request) so locations come from the Wagtail
site like every other absolute URL we publish. Each section is paginated
(``BROADSHEET_SITEMAP_PAGE_SIZE`` entries a page, default 5,000), oldest first so that earlier
pages stay stable, and every entry has a ``lastmod``: for an article its last meaningful update
(or first publication), for a listing the newest change among the articles it lists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from taggit.models import Tag
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from broadsheet.articles.models import ArticlePage, Author, HomePage, SectionPage
from broadsheet.articles.selectors import private_q, public_articles
from broadsheet.core.absolute import absolute_url, page_url, topic_path
from broadsheet.core.models import SiteSettings
from broadsheet.feeds.xmltext import xml_safe

DEFAULT_PAGE_SIZE = 5000
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000  # Google News reads at most 1,000 URLs from one news sitemap
CHANGED = Coalesce("updated_at", "published_at")


class BroadsheetSitemap(Sitemap):
    """One section of the sitemap: absolute locations, ``lastmod`` on each entry."""

    @property
    def limit(self) -> int:
        return getattr(settings, "BROADSHEET_SITEMAP_PAGE_SIZE", DEFAULT_PAGE_SIZE)

    def live_articles(self) -> QuerySet:
        root = self.get_wagtail_site().root_page
        return public_articles(self.request).descendant_of(root)

    def lastmod(self, item: Any) -> datetime | None:
        return item.last_changed

    def get_latest_lastmod(self) -> datetime | None:
        return self.items().aggregate(latest=Max("last_changed"))["latest"]

    def _urls(self, page: int | str, protocol: str, domain: str) -> list[dict[str, Any]]:
        urls = [
            {"item": item, "location": self.location(item), "lastmod": self.lastmod(item)}
            for item in self.paginator.page(page).object_list
        ]
        dates = [url["lastmod"] for url in urls if url["lastmod"]]
        if dates:
            self.latest_lastmod = max(dates)
        return urls


class ArticleSitemap(BroadsheetSitemap):
    def items(self) -> QuerySet:
        return (
            self.live_articles()
            .defer_streamfields()
            .annotate(last_changed=CHANGED)
            .order_by("published_at", "pk")
        )

    def location(self, item: ArticlePage) -> str:
        return page_url(self.request, item)


class PageSitemap(BroadsheetSitemap):
    """The front page and the section pages."""

    def items(self) -> QuerySet:
        root = self.get_wagtail_site().root_page
        newest_article = (
            ArticlePage.objects.live()
            .filter(path__startswith=OuterRef("path"))
            .annotate(changed=CHANGED)
            .order_by("-changed")
            .values("changed")[:1]
        )
        return (
            Page.objects.live()
            .exclude(private_q(self.request))
            .descendant_of(root, inclusive=True)
            .type(HomePage, SectionPage)
            .annotate(newest_article=Subquery(newest_article))
            .annotate(last_changed=Coalesce("newest_article", "last_published_at"))
            .order_by("path")
        )

    def lastmod(self, item: Page) -> datetime | None:
        dates = [d for d in (item.newest_article, item.last_published_at) if d]
        return max(dates) if dates else item.latest_revision_created_at or item.first_published_at

    def location(self, item: Page) -> str:
        return page_url(self.request, item)


class AuthorSitemap(BroadsheetSitemap):
    """Authors with at least one live article; changed when their newest article was."""

    def items(self) -> QuerySet:
        return (
            Author.objects.filter(article_links__article__in=self.live_articles())
            .annotate(
                last_changed=Max(
                    Coalesce(
                        "article_links__article__updated_at",
                        "article_links__article__published_at",
                    )
                )
            )
            .order_by("slug")
        )

    def location(self, item: Author) -> str:
        return absolute_url(self.request, item.get_absolute_url())


class TopicSitemap(BroadsheetSitemap):
    """Tags used by at least one live article."""

    def items(self) -> QuerySet:
        link = "articles_articletag_items__content_object"
        return (
            Tag.objects.filter(**{f"{link}__in": self.live_articles()})
            .annotate(last_changed=Max(Coalesce(f"{link}__updated_at", f"{link}__published_at")))
            .order_by("slug")
        )

    def location(self, item: Tag) -> str:
        return absolute_url(self.request, topic_path(item.slug))


def news_language(language_code: str | None = None) -> str:
    """The ISO 639 code Google News expects: ``en`` for en-gb; ``zh-cn``/``zh-tw`` for Chinese."""
    code = (language_code or translation.get_language() or settings.LANGUAGE_CODE).lower()
    if code.startswith("zh"):
        return "zh-tw" if code in {"zh-hant", "zh-tw", "zh-hk", "zh-mo"} else "zh-cn"
    return code.split("-")[0]


@dataclass(frozen=True)
class NewsItem:
    """A page for the news sitemap that is not an article: where it is, when it was first
    published, its headline, and when it last changed."""

    page: Page
    published_at: datetime
    title: str
    last_changed: datetime | None


#: What else belongs in the news sitemap: each source, given the request and the site's root
#: page, returns its items (at most ``NEWS_LIMIT``) and names the surrogate keys of what it
#: read. Registered by the apps above this one (live blogs, while they are live).
NEWS_SOURCES: list[Callable[[Any, Page], list[NewsItem]]] = []


def register_news_source(source: Callable[[Any, Page], list[NewsItem]]) -> None:
    if source not in NEWS_SOURCES:
        NEWS_SOURCES.append(source)


class NewsSitemap(ArticleSitemap):
    """Articles first published in the last 48 hours, and the pages the registered sources
    add (live blogs while they are live), newest first (Google News sitemap)."""

    limit = NEWS_LIMIT

    def items(self) -> list:
        since = timezone.now() - NEWS_WINDOW
        articles = super().items().filter(published_at__gte=since).order_by("-published_at", "-pk")
        items: list = list(articles[:NEWS_LIMIT])
        root = self.get_wagtail_site().root_page
        for source in NEWS_SOURCES:
            items.extend(source(self.request, root))
        items.sort(key=lambda item: item.published_at, reverse=True)
        return items[:NEWS_LIMIT]

    def get_latest_lastmod(self) -> datetime | None:
        dates = [item.last_changed for item in self.items() if item.last_changed]
        return max(dates) if dates else None

    def location(self, item: ArticlePage | NewsItem) -> str:
        return page_url(self.request, item.page if isinstance(item, NewsItem) else item)

    def _urls(self, page: int | str, protocol: str, domain: str) -> list[dict[str, Any]]:
        # The only free text in any sitemap; locations are URLs built from slugs.
        publication = xml_safe(SiteSettings.for_request(self.request).site_name)
        language = news_language()
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["news"] = {
                "publication_name": publication,
                "language": language,
                "publication_date": url["item"].published_at,
                "title": xml_safe(url["item"].title),
            }
        return urls


SECTIONS: dict[str, type[BroadsheetSitemap]] = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "authors": AuthorSitemap,
    "topics": TopicSitemap,
}
