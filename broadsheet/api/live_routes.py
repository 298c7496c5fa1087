"""Live coverage in the API: live blogs and their entries, and developing stories with their
timelines. Public pages only, as readers see them; every answer names the surrogate keys of
what it shows, so posting an entry or publishing a story's article purges it.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from broadsheet.api import cursors, ids, paging, schemas
from broadsheet.api.bodies import ApiBodies
from broadsheet.articles.selectors import private_q
from broadsheet.articles.stories import Story
from broadsheet.articles.stories import key as story_key
from broadsheet.caching import keys
from broadsheet.core.absolute import absolute_url, page_url
from broadsheet.live import keys as live_keys
from broadsheet.live import selectors
from broadsheet.live.entries import LiveEntry
from broadsheet.live.models import LiveBlogPage, Status
from broadsheet.live.timeline import timeline

router = Router(tags=["live coverage"])


class Byline(Schema):
    id: int
    name: str
    slug: str


class Entry(Schema):
    id: int
    title: str
    url: str
    published_at: datetime
    edited_at: datetime | None
    key_event: bool
    pinned: bool
    correction: str
    authors: list[Byline]
    body_html: str
    body_blocks: list[dict]


class EntryList(Schema):
    items: list[Entry]
    next: str | None
    next_url: str | None


class KeyEvent(Schema):
    id: int
    title: str
    url: str
    published_at: datetime


class LiveBlogSummary(Schema):
    id: int
    title: str
    standfirst: str
    url: str | None
    status: Literal["upcoming", "live", "ended"]
    coverage_start: datetime | None
    coverage_end: datetime | None
    story: str | None


class LiveBlog(LiveBlogSummary):
    key_points_html: str
    pinned: Entry | None
    key_events: list[KeyEvent]
    entries_url: str


class LiveBlogList(Schema):
    items: list[LiveBlogSummary]
    next: str | None
    next_url: str | None


class StorySummary(Schema):
    id: int
    title: str
    slug: str
    url: str
    explainer: str


class StoryList(Schema):
    items: list[StorySummary]
    next: str | None
    next_url: str | None


class TimelineItem(Schema):
    type: Literal["article", "liveblog"]
    id: int
    headline: str
    note: str
    url: str | None
    date: datetime | None


class StoryDetail(StorySummary):
    timeline: list[TimelineItem]


def _by_id(queryset, cursor: str | None, limit: int | None, *, newest_first: bool):
    """One page of ``queryset`` by id (the highest first with ``newest_first``), and the
    cursor after it."""
    size = paging.limit_of(limit)
    if cursor:
        try:
            last = cursors.decode_id(cursor)
        except cursors.BadCursor as exc:
            raise HttpError(400, "cursor: not a cursor of this list") from exc
        queryset = queryset.filter(pk__lt=last) if newest_first else queryset.filter(pk__gt=last)
    rows = list(queryset.order_by("-pk" if newest_first else "pk")[: size + 1])
    shown = rows[:size]
    return shown, cursors.encode(shown[-1].pk) if len(rows) > size else None


def _blogs(request: HttpRequest):
    return LiveBlogPage.objects.live().exclude(private_q(request)).select_related("story")


def _summary(request: HttpRequest, blog: LiveBlogPage) -> dict:
    return {
        "id": blog.pk,
        "title": blog.title,
        "standfirst": blog.standfirst,
        "url": page_url(request, blog),
        "status": blog.status,
        "coverage_start": blog.coverage_start,
        "coverage_end": blog.coverage_end,
        "story": blog.story.slug if blog.story else None,
    }


def entry_items(request: HttpRequest, entries: list[LiveEntry]) -> list[dict]:
    """Live entries as the API gives them (also the body of ``liveentry.published`` events)."""
    bodies = ApiBodies(entries, request=request)
    keys.add(*(keys.page(pk) for pk in bodies.page_ids))
    return [
        {
            "id": entry.pk,
            "title": entry.title,
            "url": absolute_url(request, entry.get_absolute_url()),
            "published_at": entry.published_at,
            "edited_at": entry.edited_at,
            "key_event": entry.key_event,
            "pinned": entry.pinned,
            "correction": entry.correction,
            "authors": [{"id": a.pk, "name": a.name, "slug": a.slug} for a in entry.authors.all()],
            "body_html": str(bodies.html(entry)),
            "body_blocks": bodies.blocks(entry),
        }
        for entry in entries
    ]


def _blog(request: HttpRequest, blog_id: int) -> LiveBlogPage:
    blog = _blogs(request).filter(pk=blog_id).first()
    if blog is None:
        raise HttpError(404, "blog_id: no published live blog has this id")
    keys.add(keys.page(blog.pk), live_keys.blog(blog.pk))
    return blog


@router.get("/liveblogs", response={200: LiveBlogList, **schemas.ERRORS})
def live_blogs(
    request: HttpRequest,
    status: Literal["upcoming", "live", "ended"] | None = None,
    limit: int | None = None,
    cursor: str | None = None,
):
    """Published live blogs, newest first by id; ``status`` keeps one kind."""
    keys.add(live_keys.ANY_BLOG)
    found = _blogs(request)
    if status is not None:
        found = found.filter(status=Status(status))
    shown, after = _by_id(found, cursor, limit, newest_first=True)
    keys.add(*(keys.page(blog.pk) for blog in shown))
    return paging.page(request, [_summary(request, blog) for blog in shown], after)


@router.get("/liveblogs/{blog_id}", response={200: LiveBlog, **schemas.ERRORS})
def live_blog(request: HttpRequest, blog_id: ids.PathId):
    """One live blog: its key points, pinned entry and every key event; entries are a list of
    their own (``entries_url``)."""
    blog = _blog(request, blog_id)
    pinned = selectors.pinned(blog.pk)
    return {
        **_summary(request, blog),
        "key_points_html": blog.key_points,
        "pinned": entry_items(request, [pinned])[0] if pinned else None,
        "key_events": [
            {
                "id": event.pk,
                "title": event.title,
                "url": absolute_url(request, f"{blog.url}entries/{event.pk}/"),
                "published_at": event.published_at,
            }
            for event in selectors.key_events(blog.pk)
        ],
        "entries_url": request.build_absolute_uri(f"{request.path.rstrip('/')}/entries"),
    }


@router.get("/liveblogs/{blog_id}/entries", response={200: EntryList, **schemas.ERRORS})
def live_entries(
    request: HttpRequest, blog_id: ids.PathId, limit: int | None = None, cursor: str | None = None
):
    """A live blog's entries, newest first. A cursor's page never changes as entries are
    posted above it (only editing or deleting one of its entries does)."""
    blog = _blog(request, blog_id)
    size = paging.limit_of(limit)
    if cursor:
        try:
            last_id = cursors.decode_id(cursor)
        except cursors.BadCursor as exc:
            raise HttpError(400, "cursor: not a cursor of this list") from exc
        # Deleted entries keep their row: a cursor at one still walks on from its place.
        last = LiveEntry.objects.filter(blog_id=blog.pk, pk=last_id).first()
        if last is None:
            raise HttpError(400, "cursor: not a cursor of this list")
        page = selectors.older_than(blog.pk, last, size=size)
    else:
        page = selectors.head(blog.pk, size=size)
    entries = list(page.entries)
    keys.add(*(live_keys.entry(entry.pk) for entry in entries))
    after = cursors.encode(page.older_cursor) if page.older_cursor else None
    return paging.page(request, entry_items(request, entries), after)


@router.get("/stories", response={200: StoryList, **schemas.ERRORS})
def stories(request: HttpRequest, limit: int | None = None, cursor: str | None = None):
    """Developing stories, by id."""
    shown, after = _by_id(Story.objects.all(), cursor, limit, newest_first=False)
    keys.add(*(story_key(story.pk) for story in shown))
    return paging.page(request, [_story(request, story) for story in shown], after)


def _story(request: HttpRequest, story: Story) -> dict:
    return {
        "id": story.pk,
        "title": story.title,
        "slug": story.slug,
        "url": absolute_url(request, story.get_absolute_url()),
        "explainer": story.explainer,
    }


@router.get("/stories/{slug}", response={200: StoryDetail, **schemas.ERRORS})
def story(request: HttpRequest, slug: str):
    """A developing story and its timeline: its public articles and live blogs, oldest first."""
    found = Story.objects.filter(slug=slug).first()
    if found is None:
        raise HttpError(404, "slug: no developing story has this slug")
    keys.add(story_key(found.pk))
    items = [
        {
            "type": item.kind,
            "id": item.page_id,
            "headline": item.headline,
            "note": item.note,
            "url": absolute_url(request, item.url) if item.url else None,
            "date": item.date,
        }
        for item in timeline(request, found)
    ]
    return {**_story(request, found), "timeline": items}
