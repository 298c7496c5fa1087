"""Receivers for live coverage: an entry's change purges its blog's head, poll answers and
feeds and wherever the entry itself is shown (``broadsheet.live.keys``); the live blog page's
own publication purges every page of it. No other page lists live blogs or their entries,
so nothing else is purged."""

from wagtail.models import Page

from broadsheet.caching import fragments
from broadsheet.freshness.handlers import schedule
from broadsheet.live import keys as live_keys
from broadsheet.live.entries import LiveEntry


def entry_changed(sender, instance: LiveEntry, **kwargs) -> None:
    """``post_save`` / ``post_delete`` of a ``LiveEntry``: posted, edited, deleted, gone live."""
    if kwargs.get("raw"):
        return
    fragments.bump([live_keys.generation(instance.blog_id)])
    schedule(live_keys.for_entry(instance.blog_id, instance.pk))


def blog_page_changed(sender, instance: Page, **kwargs) -> None:
    """``page_published`` / ``page_unpublished`` of a live blog page.

    The page at its address is remembered under the ``content`` generation (as every page
    is, ``articles.models.HomePage.route``), so that moves too; entries move only the blog's.
    """
    fragments.bump([fragments.CONTENT, live_keys.generation(instance.pk)])
    schedule(live_keys.for_blog_page(instance.pk))
