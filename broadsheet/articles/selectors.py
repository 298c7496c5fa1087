"""Reads behind the reader pages. Each costs a fixed number of queries, whatever the archive size.

Listings select concrete ``ArticlePage`` rows (never ``.specific`` in a loop), prefetch bylines
and image renditions, and leave the body StreamField unloaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction

# The module, not its names: the models' get_context reads through this module, so each
# module refers to the other's names only when called.
from broadsheet.articles import models
from broadsheet.articles.stories import Story
from broadsheet.caching import fragments, keys

TOP_STORY_COUNT = 5  # the lead story and four more
PACKAGE_SIZE = 4  # a lead package: the story's newest article and three before it
PER_SECTION = 4
RELATED_COUNT = 4


def private_q(request: HttpRequest | None) -> Q:
    """Pages under a view restriction, as a Q; remembered until the content changes."""
    paths = fragments.remember(
        "restricted-paths",
        [],
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        request=request,
    )
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def public_articles(request: HttpRequest | None) -> QuerySet[models.ArticlePage]:
    """Live articles a visitor without a password or login may read."""
    return models.ArticlePage.objects.live().exclude(private_q(request))


def listing_articles(request: HttpRequest | None) -> QuerySet[models.ArticlePage]:
    """Public articles, newest first, with what a card shows and nothing more."""
    return models.ArticlePage.objects.for_listing(public_articles(request)).prefetch_related(
        "hero_image__renditions"
    )


def live_sections(request: HttpRequest | None) -> list[models.SectionPage]:
    """The live sections in page-tree order (the navigation shows them); remembered until the
    content changes."""
    return fragments.remember(
        "live-sections",
        [],
        lambda: list(
            models.SectionPage.objects.live()
            .order_by("path")
            .only("title", "slug", "url_path", "path", "depth")
        ),
        request=request,
    )


def article_section(article: Page, request: HttpRequest | None) -> models.SectionPage | None:
    """The section an article lives in, from the navigation's list: no query of its own.

    The one way to name an article's section: the page, its cards, search hits and its
    metadata all ask here.
    """
    return section_of(article, live_sections(request))


def section_of(article: Page, sections: list[models.SectionPage]) -> models.SectionPage | None:
    """The section, among ``sections``, that an article lives in, found by tree path."""
    for section in sections:
        if article.path.startswith(section.path) and article.depth == section.depth + 1:
            return section
    return None


@dataclass
class StoryPackage:
    """A developing story leading the front page: its newest public article and the ones
    before it, newest first."""

    story: Story
    lead: models.ArticlePage
    earlier: list[models.ArticlePage]


@dataclass
class FrontPage:
    lead: models.ArticlePage | None
    top_stories: list[models.ArticlePage]
    sections: list[tuple[models.SectionPage, list[models.ArticlePage]]] = field(
        default_factory=list
    )
    package: StoryPackage | None = None


def front_page(home: models.HomePage, request: HttpRequest | None) -> FrontPage:
    """The lead package (when editors chose a story), lead and top stories (editors' choice
    in order, then the latest), then each section's latest articles not already shown. Five
    queries with prefetches, however many sections, and two for a package."""
    package = story_package(home, request) if home.lead_story_id is not None else None
    packaged = [package.lead.pk, *(a.pk for a in package.earlier)] if package else []
    curated = list(
        models.TopStory.objects.filter(page=home, article__live=True)
        .order_by("sort_order")
        .values_list("article_id", flat=True)[:TOP_STORY_COUNT]
    )
    wanted = list(curated)
    if len(curated) < TOP_STORY_COUNT:
        # Ids first, in a query of their own: it walks the publication-date index and stops
        # after a few rows. Folded into the listing query as "pk IN (…) OR pk IN (…)",
        # PostgreSQL scans every article instead.
        wanted += (
            public_articles(request)
            .descendant_of(home)
            .exclude(pk__in=[*curated, *packaged])
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: TOP_STORY_COUNT - len(curated)]
        )
    position = {pk: index for index, pk in enumerate(curated)}
    stories = sorted(
        listing_articles(request).descendant_of(home).filter(pk__in=wanted),
        key=lambda a: (position.get(a.pk, len(position)), -a.published_at.timestamp()),
    )
    stories = [a for a in stories if a.pk not in packaged]
    sections = _section_blocks(request, exclude=[*packaged, *(a.pk for a in stories)])
    return FrontPage(stories[0] if stories else None, stories[1:], sections, package)


def story_package(home: models.HomePage, request: HttpRequest | None) -> StoryPackage | None:
    """The front page's lead package: ``None`` until its story has a public article."""
    story = Story.objects.filter(pk=home.lead_story_id).first()
    if story is None:
        return None
    articles = list(
        listing_articles(request)
        .descendant_of(home)
        .filter(story_id=story.pk)
        .order_by("-published_at", "-pk")[:PACKAGE_SIZE]
    )
    if not articles:
        return None
    return StoryPackage(story=story, lead=articles[0], earlier=articles[1:])


def _section_blocks(
    request: HttpRequest | None, *, exclude: list[int]
) -> list[tuple[models.SectionPage, list[models.ArticlePage]]]:
    """Each section's latest articles: one small query per section for the ids (it walks the
    publication-date index and stops after a few rows), then one for the articles. The cost
    follows the number of sections, never the number of articles; the same subqueries
    joined with OR into one statement made PostgreSQL scan every article."""
    sections = live_sections(request)
    if not sections:
        return []
    wanted = [
        pk
        for section in sections
        for pk in models.ArticlePage.objects.live()
        .child_of(section)
        .exclude(pk__in=exclude)
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)[:PER_SECTION]
    ]
    grouped: dict[int, list[models.ArticlePage]] = {section.pk: [] for section in sections}
    for article in listing_articles(request).filter(pk__in=wanted):
        section = section_of(article, sections)
        if section is not None:
            grouped[section.pk].append(article)
    return [(section, grouped[section.pk]) for section in sections if grouped[section.pk]]


def related_articles(
    article: models.ArticlePage, request: HttpRequest | None, *, limit: int = RELATED_COUNT
) -> list[models.ArticlePage]:
    """Articles sharing the most tags with this one, then the latest from its section.

    Ids first, each read bounded (tag matches ranked by tags shared; the section's latest
    through the publication-date index), then the articles: one statement doing both made
    PostgreSQL count tags over the whole section.
    """
    tag_ids = list(
        models.ArticleTag.objects.filter(content_object_id=article.pk).values_list(
            "tag_id", flat=True
        )
    )
    others = public_articles(request).exclude(pk=article.pk)
    ranked: list[int] = []
    if tag_ids:
        ranked += (
            others.filter(tagged_items__tag_id__in=tag_ids)
            .annotate(shared=Count("tagged_items"))
            .order_by("-shared", "-published_at", "-pk")
            .values_list("pk", flat=True)[:limit]
        )
    if len(ranked) < limit:
        ranked += (
            others.filter(path__startswith=article.path[: -Page.steplen], depth=article.depth)
            .exclude(pk__in=ranked)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: limit - len(ranked)]
        )
    found = {a.pk: a for a in models.ArticlePage.objects.defer_streamfields().filter(pk__in=ranked)}
    keys.add(*(keys.page(pk) for pk in found))
    return [found[pk] for pk in ranked if pk in found]


def section_neighbours(
    article: models.ArticlePage, request: HttpRequest | None
) -> tuple[models.ArticlePage | None, models.ArticlePage | None]:
    """The previous (older) and next (newer) article in the same section, in one query."""
    if article.published_at is None:
        return None, None
    siblings = (
        public_articles(request)
        .filter(path__startswith=article.path[: -Page.steplen], depth=article.depth)
        .exclude(pk=article.pk)
    )
    at, pk = article.published_at, article.pk
    older = siblings.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=pk))
    newer = siblings.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=pk))
    # Two index walks that stop at the first row; one statement with "pk IN (…) OR pk IN (…)"
    # made PostgreSQL scan the whole section.
    pair = [
        *older.defer_streamfields().order_by("-published_at", "-pk")[:1],
        *newer.defer_streamfields().order_by("published_at", "pk")[:1],
    ]
    previous = following = None
    keys.add(*(keys.page(other.pk) for other in pair))
    for other in pair:
        if (other.published_at, other.pk) < (at, pk):
            previous = other
        else:
            following = other
    return previous, following
