"""Receivers for live coverage: an entry's change purges its blog's head, poll answers and
feeds and wherever the entry itself is shown (``broadsheet.live.keys``); the live blog page's
own publication purges every page of it. No other page lists live blogs or their entries,
so nothing else is purged."""

from wagtail.models import Page

from broadsheet.articles.stories import Story
from broadsheet.articles.stories import key as story_key
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


# Developing stories -------------------------------------------------------------------------


def story_item_about_to_change(sender, instance: Page, update_fields=None, **kwargs) -> None:
    """Before a full save of an article or live blog: the story it was in until now shows it
    (its timeline, "Latest on this story" on its other articles); it may be leaving it."""
    if instance.pk is None or update_fields is not None or kwargs.get("raw"):
        return
    before = type(instance).objects.filter(pk=instance.pk).values_list("story_id", flat=True)
    story_ids = {story_id for story_id in before if story_id is not None}
    if story_ids:
        schedule(map(story_key, story_ids))


def story_item_changed(sender, instance: Page, **kwargs) -> None:
    """An article or live blog of a story published, updated or unpublished: every page
    showing the story."""
    if instance.story_id is not None:
        schedule([story_key(instance.story_id)])


def story_changed(sender, instance: Story, created: bool = False, **kwargs) -> None:
    """A story renamed, re-explained or deleted: its timeline and its articles' asides (kept
    in their fragments, which depend on the content). A new one shows nowhere yet."""
    if kwargs.get("raw") or created:
        return
    fragments.bump([fragments.CONTENT])
    schedule([story_key(instance.pk)])
