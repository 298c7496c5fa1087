"""Reads behind the reader pages. Each costs a fixed number of queries, whatever the archive size.

Listings select concrete ``ArticlePage`` rows (never ``.specific`` in a loop), prefetch bylines
and image renditions, and leave the body StreamField unloaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction

from broadsheet.articles.models import (
    ArticlePage,
    ArticleTag,
    HomePage,
    SectionPage,
    TopStory,
)

TOP_STORY_COUNT = 5  # the lead story and four more
PER_SECTION = 4
RELATED_COUNT = 4


def private_q(request: HttpRequest | None) -> Q:
    """Pages under a view restriction, as a Q; one query per request however often it is used."""
    cached = getattr(request, "_broadsheet_private_q", None)
    if cached is not None:
        return cached
    q = Q()
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        q |= Q(path__startswith=path)
    q = q if q else Q(pk__in=[])
    if request is not None:
        request._broadsheet_private_q = q
    return q


def public_articles(request: HttpRequest | None) -> QuerySet[ArticlePage]:
    """Live articles a visitor without a password or login may read."""
    return ArticlePage.objects.live().exclude(private_q(request))


def listing_articles(request: HttpRequest | None) -> QuerySet[ArticlePage]:
    """Public articles, newest first, with what a card shows and nothing more."""
    return ArticlePage.objects.for_listing(public_articles(request)).prefetch_related(
        "hero_image__renditions"
    )


def live_sections(request: HttpRequest | None) -> list[SectionPage]:
    """The live sections in page-tree order; one query per request (the navigation shows them)."""
    cached = getattr(request, "_broadsheet_sections", None)
    if cached is None:
        cached = list(
            SectionPage.objects.live()
            .order_by("path")
            .only("title", "slug", "url_path", "path", "depth")
        )
        if request is not None:
            request._broadsheet_sections = cached
    return cached


def section_of(article: Page, sections: list[SectionPage]) -> SectionPage | None:
    """The section an article lives in, found by tree path without a query."""
    for section in sections:
        if article.path.startswith(section.path) and article.depth == section.depth + 1:
            return section
    return None


@dataclass
class FrontPage:
    lead: ArticlePage | None
    top_stories: list[ArticlePage]
    sections: list[tuple[SectionPage, list[ArticlePage]]] = field(default_factory=list)


def front_page(home: HomePage, request: HttpRequest | None) -> FrontPage:
    """Lead and top stories (editors' choice in order, then the latest), then each section's
    latest articles not already shown. Five queries with prefetches, however many sections."""
    curated = list(
        TopStory.objects.filter(page=home, article__live=True)
        .order_by("sort_order")
        .values_list("article_id", flat=True)[:TOP_STORY_COUNT]
    )
    wanted = Q(pk__in=curated)
    if len(curated) < TOP_STORY_COUNT:
        latest = (
            public_articles(request)
            .descendant_of(home)
            .exclude(pk__in=curated)
            .order_by("-first_published_at", "-pk")
            .values("pk")[: TOP_STORY_COUNT - len(curated)]
        )
        wanted |= Q(pk__in=latest)
    position = {pk: index for index, pk in enumerate(curated)}
    stories = sorted(
        listing_articles(request).descendant_of(home).filter(wanted),
        key=lambda a: (position.get(a.pk, len(position)), -a.first_published_at.timestamp()),
    )
    sections = _section_blocks(request, exclude=[a.pk for a in stories])
    return FrontPage(stories[0] if stories else None, stories[1:], sections)


def _section_blocks(
    request: HttpRequest | None, *, exclude: list[int]
) -> list[tuple[SectionPage, list[ArticlePage]]]:
    """Each section's latest articles in one statement: a LIMITed, index-ordered subquery per
    section, joined with OR (so the cost follows the number of sections, never of articles)."""
    sections = live_sections(request)
    if not sections:
        return []
    subqueries = [
        Q(
            pk__in=ArticlePage.objects.live()
            .child_of(section)
            .exclude(pk__in=exclude)
            .order_by("-first_published_at", "-pk")
            .values("pk")[:PER_SECTION]
        )
        for section in sections
    ]
    grouped: dict[int, list[ArticlePage]] = {section.pk: [] for section in sections}
    for article in listing_articles(request).filter(reduce(or_, subqueries)):
        section = section_of(article, sections)
        if section is not None:
            grouped[section.pk].append(article)
    return [(section, grouped[section.pk]) for section in sections if grouped[section.pk]]


def related_articles(
    article: ArticlePage, request: HttpRequest | None, *, limit: int = RELATED_COUNT
) -> list[ArticlePage]:
    """Articles sharing the most tags with this one, then the latest from its section."""
    tag_ids = ArticleTag.objects.filter(content_object_id=article.pk).values("tag_id")
    parent_path = article.path[: -Page.steplen]
    return list(
        public_articles(request)
        .defer_streamfields()
        .filter(
            Q(tagged_items__tag_id__in=tag_ids)
            | Q(path__startswith=parent_path, depth=article.depth)
        )
        .exclude(pk=article.pk)
        .annotate(shared=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
        .order_by("-shared", "-first_published_at", "-pk")[:limit]
    )


def section_neighbours(
    article: ArticlePage, request: HttpRequest | None
) -> tuple[ArticlePage | None, ArticlePage | None]:
    """The previous (older) and next (newer) article in the same section, in one query."""
    if article.first_published_at is None:
        return None, None
    siblings = (
        public_articles(request)
        .filter(path__startswith=article.path[: -Page.steplen], depth=article.depth)
        .exclude(pk=article.pk)
    )
    at, pk = article.first_published_at, article.pk
    older = siblings.filter(Q(first_published_at__lt=at) | Q(first_published_at=at, pk__lt=pk))
    newer = siblings.filter(Q(first_published_at__gt=at) | Q(first_published_at=at, pk__gt=pk))
    pair = ArticlePage.objects.defer_streamfields().filter(
        Q(pk__in=older.order_by("-first_published_at", "-pk").values("pk")[:1])
        | Q(pk__in=newer.order_by("first_published_at", "pk").values("pk")[:1])
    )
    previous = following = None
    for other in pair:
        if (other.first_published_at, other.pk) < (at, pk):
            previous = other
        else:
            following = other
    return previous, following
