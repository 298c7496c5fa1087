"""Articles: the list with its filters, one by id or by path, search."""

from datetime import datetime

from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_vary_headers
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import HttpError
from wagtail.models import Site

from broadsheet.api import articles, cursors, ids, kept, ninjs, paging, schemas
from broadsheet.articles import keys as article_keys
from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.articles.stories import Story
from broadsheet.articles.stories import key as story_key
from broadsheet.caching import keys
from broadsheet.core.pagination import Cursor, max_pages
from broadsheet.site.search import SearchFilters, parse_query, search_articles

router = Router(tags=["articles"])


class ArticleFilters(Schema):
    section: str | None = None  # id or slug
    tag: str | None = None  # slug
    author: str | None = None  # id or slug
    story: str | None = None  # slug
    language: str | None = None
    published_since: datetime | None = None
    published_before: datetime | None = None
    updated_since: datetime | None = None
    updated_before: datetime | None = None
    fields: str | None = None
    limit: int | None = None
    cursor: str | None = None


def _fields(raw: str | None, default) -> set[str]:
    try:
        return articles.chosen_fields(raw, default)
    except articles.UnknownField as exc:
        raise HttpError(400, f"fields: no field called {exc.name!r}") from exc


def _section(value: str) -> SectionPage:
    lookup = ids.id_or_slug(value)
    if lookup is None:
        raise Http404("No such section")
    return get_object_or_404(SectionPage.objects.live(), **lookup)


def _filtered(request: HttpRequest, filters: ArticleFilters, fields: set[str]):
    found = articles.queryset(request, fields)
    keys.add(article_keys.LATEST)
    if filters.section:
        section = _section(filters.section)
        found = found.child_of(section)
        keys.add(article_keys.section(section.pk))
    if filters.tag:
        found = found.filter(tagged_items__tag__slug=filters.tag)
        keys.add(article_keys.topic(filters.tag))
    if filters.author:
        lookup = ids.id_or_slug(filters.author)
        if lookup is None:
            found = found.none()
        else:
            [(field, value)] = lookup.items()
            found = found.filter(**{f"article_authors__author__{field}": value}).distinct()
    if filters.story:
        story = get_object_or_404(Story, slug=filters.story)
        found = found.filter(story=story)
        keys.add(story_key(story.pk))
    if filters.language:
        found = found.filter(locale__language_code=filters.language)
    if filters.published_since:
        found = found.filter(published_at__gte=filters.published_since)
    if filters.published_before:
        found = found.filter(published_at__lt=filters.published_before)
    if filters.updated_since or filters.updated_before:
        found = found.annotate(changed=Coalesce(F("updated_at"), F("published_at")))
        if filters.updated_since:
            found = found.filter(changed__gte=filters.updated_since)
        if filters.updated_before:
            found = found.filter(changed__lt=filters.updated_before)
    return found


@router.get("/articles", response={200: schemas.ArticleList, **schemas.ERRORS}, exclude_unset=True)
@decorate_view(kept.shared())
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]):
    """Public articles, newest first by publication date; walk with ``next``."""
    fields = _fields(filters.fields, articles.LIST_FIELDS)
    limit = paging.limit_of(filters.limit)
    found = _filtered(request, filters, fields | {"published_at"})
    if filters.cursor:
        try:
            found = found.filter(cursors.decode_time(filters.cursor).older_q())
        except cursors.BadCursor as exc:
            raise HttpError(400, "cursor: not a cursor of this list") from exc
    rows = list(found[: limit + 1])
    shown = rows[:limit]
    after = cursors.encode(Cursor.after(shown[-1])) if len(rows) > limit else None
    return paging.page(request, articles.serialize(request, shown, fields), after)


def _asks_ninjs(request: HttpRequest) -> bool:
    """Whether ``Accept`` asks for NINJS (``?format=ninjs`` is in the query string)."""
    return ninjs.MEDIA_TYPE in request.headers.get("Accept", "")


def _previews(request: HttpRequest) -> bool:
    # A preview shows a draft to one key's user: never kept, whatever its value says.
    return "preview" in request.GET


def _one(
    request: HttpRequest, response: HttpResponse, found, fields_raw: str | None, format: str | None
):
    # The same URL answers JSON or NINJS by Accept: a shared cache must keep one of each.
    patch_vary_headers(response, ["Accept"])
    wants_ninjs = format == "ninjs" or _asks_ninjs(request)
    fields = set(articles.FIELDS) if wants_ninjs else _fields(fields_raw, articles.FIELDS)
    article = found.first()
    if article is None:
        raise Http404("No such article")
    data = articles.serialize(request, [article], fields)[0]
    if not wants_ninjs:
        return data
    answer = JsonResponse(ninjs.from_article(data), content_type=ninjs.MEDIA_TYPE)
    patch_vary_headers(answer, ["Accept"])
    return answer


_ONE = {200: schemas.Article, **schemas.ERRORS, 403: schemas.Error}  # 403: a preview


@router.get("/articles/by-path", response=_ONE, exclude_unset=True)
@decorate_view(kept.shared(varies_on=_asks_ninjs))
def article_by_path(
    request: HttpRequest,
    response: HttpResponse,
    path: str,
    fields: str | None = None,
    format: str | None = None,
) -> dict | HttpResponse:
    """One public article by its address on the site (``/city/harbour-bridge/``)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No such article")
    url_path = site.root_page.url_path + path.strip("/") + "/"
    found = articles.queryset(request, set(articles.FIELDS)).filter(url_path=url_path)
    return _one(request, response, found, fields, format)


@router.get("/articles/{article_id}", response=_ONE, exclude_unset=True)
@decorate_view(kept.shared(varies_on=_asks_ninjs, unless=_previews))
def article(
    request: HttpRequest,
    response: HttpResponse,
    article_id: ids.PathId,
    fields: str | None = None,
    format: str | None = None,
    preview: bool = False,
) -> dict | HttpResponse:
    """One public article, every field unless ``fields`` chooses; NINJS with
    ``Accept: application/ninjs+json`` or ``?format=ninjs``; with ``preview=true`` and a key
    bound to a user who may edit it, its latest revision, draft or not."""
    if preview:
        return _preview(request, article_id, fields)
    found = articles.queryset(request, set(articles.FIELDS)).filter(pk=article_id)
    return _one(request, response, found, fields, format)


def _preview(request: HttpRequest, article_id: int, fields_raw: str | None) -> dict:
    """The latest revision, draft or not, for a key whose user may edit the article."""
    key = getattr(request, "api_key", None)
    if key is None or key.user is None:
        raise HttpError(403, "preview: needs an API key bound to a user")
    page = ArticlePage.objects.filter(pk=article_id).first()
    if page is None or not page.permissions_for_user(key.user).can_edit():
        raise Http404("No such article")
    draft = page.get_latest_revision_as_object()
    return articles.serialize(request, [draft], _fields(fields_raw, articles.FIELDS))[0]


# Not kept: the search index is brought up to date by a task after the change commits, so an
# answer built in between would be kept under the new content generation.
@router.get("/search", response={200: schemas.SearchResults, **schemas.ERRORS}, exclude_unset=True)
def search(
    request: HttpRequest,
    q: str,
    section: str | None = None,
    published_since: datetime | None = None,
    published_before: datetime | None = None,
    fields: str | None = None,
    limit: int | None = None,
    cursor: str | None = None,
):
    """Articles matching every word of ``q`` ("quoted phrases" too), headline matches first."""
    chosen = _fields(fields, articles.LIST_FIELDS)
    per_page = paging.limit_of(limit)
    try:
        number = cursors.decode_id(cursor) if cursor else 1
        if not 1 <= number <= max_pages():  # search pages stop where listings do
            raise cursors.BadCursor(cursor)
    except cursors.BadCursor as exc:
        raise HttpError(400, "cursor: not a cursor of this list") from exc
    query = parse_query(q)
    keys.add(article_keys.LATEST)
    if not query:
        return {"items": [], "total": 0, "next": None, "next_url": None}
    filters = SearchFilters(
        section=_section(section) if section else None,
        since=published_since,
        until=published_before,
    )
    results = search_articles(request, query, filters, number=number, per_page=per_page)
    ids = [hit.pk for hit in results.items]
    loaded = {a.pk: a for a in articles.queryset(request, chosen).filter(pk__in=ids)}
    ordered = [loaded[pk] for pk in ids if pk in loaded]
    answer = paging.page(
        request,
        articles.serialize(request, ordered, chosen),
        cursors.encode(number + 1) if results.has_next else None,
    )
    return {**answer, "total": results.total}
