"""A live blog's entries (``<blog>/feed/rss/``…) and a developing story's items
(``/stories/<slug>/feed/rss/``…) as RSS, Atom and JSON Feed."""

from datetime import datetime

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.feedgenerator import SyndicationFeed
from django.utils.html import escape

from broadsheet.articles.models import Author
from broadsheet.caching import keys
from broadsheet.core.absolute import absolute_url, page_url
from broadsheet.feeds.feeds import BroadsheetFeed, stable_guid
from broadsheet.feeds.generators import Byline
from broadsheet.live import keys as live_keys
from broadsheet.live import selectors
from broadsheet.live.entries import LiveEntry

FEED_SIZE = 30


class LiveEntriesFeed(BroadsheetFeed):
    """The newest entries of one live blog, in full."""

    def get_object(self, request: HttpRequest, *, page) -> object:
        keys.add(live_keys.blog(page.pk))
        self.page = page
        self.page_link = page_url(request, page)
        self.entries = selectors.head(page.pk, size=FEED_SIZE).entries
        return page

    def title(self, obj) -> str:
        return f"{obj.title} – {self.site_name()}"

    def link(self, obj) -> str:
        return self.page_link

    def description(self, obj) -> str:
        return obj.standfirst

    def items(self, obj) -> list[LiveEntry]:
        return self.entries

    def item_title(self, item: LiveEntry) -> str:
        return item.title or f"{self.page.title} · {item.published_at:%H:%M}"

    def item_link(self, item: LiveEntry) -> str:
        return f"{self.page_link}entries/{item.pk}/"

    def item_guid(self, item: LiveEntry) -> str:
        return stable_guid(self.request, "live-entry", item.pk, item.created_at)

    item_guid_is_permalink = False

    def item_description(self, item: LiveEntry) -> str:
        return self._html(item)

    def item_pubdate(self, item: LiveEntry) -> datetime:
        return item.published_at

    def item_updateddate(self, item: LiveEntry) -> datetime:
        return item.edited_at or item.published_at

    def item_extra_kwargs(self, item: LiveEntry) -> dict:
        return {
            "authors": [self._byline(author) for author in item.authors.all()],
            "summary": item.title,
            "content_html": self._html(item),
            "image": None,
        }

    def get_feed(self, obj, request: HttpRequest) -> SyndicationFeed:
        return super().get_feed(obj, request)

    def _byline(self, author: Author) -> Byline:
        return Byline(author.name, absolute_url(self.request, author.get_absolute_url()))

    def _html(self, item: LiveEntry) -> str:
        return render_to_string("live/entry_body.html", {"entry": item}, request=self.request)


class StoryFeed(BroadsheetFeed):
    """A developing story's articles and live blogs, newest first, with the editor's line."""

    def get_object(self, request: HttpRequest, *, story, items) -> object:
        # The timeline, oldest first (undated last), turned round.
        self.items_ = list(reversed(items))[:FEED_SIZE]
        self.story_link = absolute_url(request, story.get_absolute_url())
        return story

    def title(self, obj) -> str:
        return f"{obj.title} – {self.site_name()}"

    def link(self, obj) -> str:
        return self.story_link

    def description(self, obj) -> str:
        return obj.explainer

    def items(self, obj) -> list:
        return self.items_

    def item_title(self, item) -> str:
        return item.headline

    def item_link(self, item) -> str:
        return absolute_url(self.request, item.url)

    def item_description(self, item) -> str:
        return escape(item.note)

    def item_pubdate(self, item) -> datetime | None:
        return item.date

    def item_extra_kwargs(self, item) -> dict:
        return {"authors": [], "summary": item.note, "content_html": None, "image": None}
