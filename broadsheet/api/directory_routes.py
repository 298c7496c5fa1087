"""Sections, authors, tags, the visible comments of an article, and the site itself."""

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router
from ninja.errors import HttpError
from taggit.models import Tag
from wagtail.models import Site

from broadsheet.api import cursors, ids, paging, schemas
from broadsheet.articles import keys as article_keys
from broadsheet.articles.models import ArticleTag, Author, SectionPage
from broadsheet.articles.selectors import public_articles
from broadsheet.caching import keys
from broadsheet.comments import keys as comment_keys
from broadsheet.comments.models import Comment
from broadsheet.comments.text import render_text
from broadsheet.core.absolute import absolute_url, page_url, topic_path
from broadsheet.core.models import SiteSettings
from broadsheet.core.pagination import Cursor

router = Router()


def _after_id(queryset, cursor: str | None, limit: int):
    """One page of ``queryset`` by ascending id, and the cursor after it."""
    if cursor:
        try:
            queryset = queryset.filter(pk__gt=cursors.decode_id(cursor))
        except cursors.BadCursor as exc:
            raise HttpError(400, "cursor: not a cursor of this list") from exc
    rows = list(queryset.order_by("pk")[: limit + 1])
    shown = rows[:limit]
    return shown, cursors.encode(shown[-1].pk) if len(rows) > limit else None


@router.get("/sections", response={200: schemas.SectionList, **schemas.ERRORS}, tags=["sections"])
def sections(request: HttpRequest, limit: int | None = None, cursor: str | None = None):
    """The live sections (their names show on every page: any change purges the site)."""
    found = SectionPage.objects.live().only("title", "slug", "url_path", "intro")
    shown, after = _after_id(found, cursor, paging.limit_of(limit))
    items = [
        {
            "id": s.pk,
            "title": s.title,
            "slug": s.slug,
            "url": page_url(request, s),
            "intro": s.intro,
        }
        for s in shown
    ]
    return paging.page(request, items, after)


@router.get("/authors", response={200: schemas.AuthorList, **schemas.ERRORS}, tags=["authors"])
def authors(request: HttpRequest, limit: int | None = None, cursor: str | None = None):
    """Everyone in a byline."""
    shown, after = _after_id(Author.objects.all(), cursor, paging.limit_of(limit))
    items = [
        {
            "id": a.pk,
            "name": a.name,
            "slug": a.slug,
            "role": a.role,
            "bio": a.bio,
            "url": absolute_url(request, a.get_absolute_url()),
        }
        for a in shown
    ]
    return paging.page(request, items, after)


@router.get("/tags", response={200: schemas.TagList, **schemas.ERRORS}, tags=["tags"])
def tags(request: HttpRequest, limit: int | None = None, cursor: str | None = None):
    """Tags of at least one public article."""
    keys.add(article_keys.LATEST)
    used = ArticleTag.objects.filter(content_object__in=public_articles(request).values("pk"))
    found = Tag.objects.filter(pk__in=used.values("tag_id"))
    shown, after = _after_id(found, cursor, paging.limit_of(limit))
    items = [
        {
            "id": t.pk,
            "name": t.name,
            "slug": t.slug,
            "url": absolute_url(request, topic_path(t.slug)),
        }
        for t in shown
    ]
    return paging.page(request, items, after)


@router.get(
    "/articles/{article_id}/comments",
    response={200: schemas.CommentList, **schemas.ERRORS},
    tags=["comments"],
)
def comments(
    request: HttpRequest,
    article_id: ids.PathId,
    limit: int | None = None,
    cursor: str | None = None,
):
    """The article's visible comments, oldest first (new ones join the end of the walk)."""
    article = get_object_or_404(public_articles(request).only("pk"), pk=article_id)
    keys.add(comment_keys.of_article(article.pk))
    found = (
        Comment.objects.visible()
        .filter(article=article)
        .only("parent_id", "name", "text", "created_at", "featured", "like_count")
    )
    if cursor:
        try:
            at = cursors.decode_time(cursor)
        except cursors.BadCursor as exc:
            raise HttpError(400, "cursor: not a cursor of this list") from exc
        found = found.filter(
            Q(created_at__gt=at.published) | Q(created_at=at.published, pk__gt=at.pk)
        )
    limit = paging.limit_of(limit)
    rows = list(found.order_by("created_at", "pk")[: limit + 1])
    shown = rows[:limit]
    after = None
    if len(rows) > limit:
        last = shown[-1]
        after = cursors.encode(Cursor(last.created_at, last.pk))
    return paging.page(request, [comment_item(c) for c in shown], after)


def comment_item(comment: Comment) -> dict:
    """A visible comment as the API shows it (the comment list, webhook payloads)."""
    return {
        "id": comment.pk,
        "parent": comment.parent_id,
        "name": comment.name,
        "html": str(render_text(comment.text)),
        "created_at": comment.created_at,
        "featured": comment.featured,
        "likes": comment.like_count,
    }


@router.get("/site", response={200: schemas.SiteInfo, **schemas.ERRORS}, tags=["site"])
def site(request: HttpRequest):
    """The site's name, address, language and time zone, and where this API is described."""
    found = Site.find_for_request(request)
    if found is None:
        raise Http404("No site answers at this address")
    settings = SiteSettings.for_site(found)
    return {
        "name": settings.site_name,
        "url": absolute_url(request, "/"),
        "language": request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else "en",
        "time_zone": settings.time_zone,
        "max_page_size": paging.MAX_LIMIT,
        "openapi": absolute_url(request, reverse("api-v1:openapi-json")),
        "reference": absolute_url(request, reverse("api-v1:openapi-view")),
    }
