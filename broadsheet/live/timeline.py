"""A developing story's timeline: its public articles and live blogs, oldest first, each with
its date, headline and the editor's line on what it adds."""

from dataclasses import dataclass
from datetime import datetime

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from broadsheet.articles.selectors import private_q, public_articles
from broadsheet.articles.stories import Story
from broadsheet.articles.stories import key as story_key
from broadsheet.caching import keys
from broadsheet.feeds.generators import FEED_TYPES
from broadsheet.live.feeds import StoryFeed
from broadsheet.live.models import LiveBlogPage


@dataclass(frozen=True)
class TimelineItem:
    date: datetime | None
    headline: str
    note: str
    url: str
    is_live: bool = False
    kind: str = "article"  # or "liveblog"
    page_id: int = 0


def timeline(request: HttpRequest, story: Story) -> list[TimelineItem]:
    articles = (
        public_articles(request).filter(story=story).defer_streamfields().order_by("published_at")
    )
    blogs = LiveBlogPage.objects.live().exclude(private_q(request)).filter(story=story)
    items = [
        TimelineItem(a.published_at, a.title, a.story_note, a.get_url(request), page_id=a.pk)
        for a in articles
    ]
    items += [
        TimelineItem(
            b.coverage_start or b.first_published_at,
            b.title,
            b.story_note,
            b.get_url(request),
            is_live=b.is_live,
            kind="liveblog",
            page_id=b.pk,
        )
        for b in blogs
    ]
    # Each item's headline shows here: a change to any of them purges this page.
    keys.add(*(keys.page(p.pk) for p in [*articles, *blogs]))
    return sorted(items, key=lambda item: (item.date is None, item.date))


def _story_and_items(request: HttpRequest, slug: str) -> tuple[Story, list[TimelineItem]]:
    story = Story.objects.filter(slug=slug).first()
    if story is None:
        raise Http404("No such story.")
    keys.add(story_key(story.pk))
    items = timeline(request, story)
    if not items:
        raise Http404("Nothing published in this story yet.")
    return story, items


def story_page(request: HttpRequest, slug: str) -> HttpResponse:
    story, items = _story_and_items(request, slug)
    context = {"story": story, "items": items}
    return TemplateResponse(request, "live/story.html", context)


def story_feed(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FEED_TYPES:
        raise Http404("No such feed format.")
    story, items = _story_and_items(request, slug)
    return StoryFeed(fmt)(request, story=story, items=items)
