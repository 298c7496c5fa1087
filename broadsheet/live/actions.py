"""Changes to live coverage, one verb each, used alike by the compose screen, the scheduler,
commands and tests. Each saves through the model, so the purge receivers
(``broadsheet.freshness``) see every change."""

import logging
from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from broadsheet.articles.models import Author
from broadsheet.live.entries import LiveEntry

log = logging.getLogger(__name__)


@transaction.atomic
def post_entry(
    *,
    blog_id: int,
    body: list,
    title: str = "",
    authors: Iterable[Author] = (),
    key_event: bool = False,
    pinned: bool = False,
    at: datetime | None = None,
) -> LiveEntry:
    """Post an entry: live at once, or at ``at`` when that is still to come."""
    now = timezone.now()
    entry = LiveEntry(
        blog_id=blog_id,
        title=title,
        body=body,
        published_at=at or now,
        is_published=(at or now) <= now,
        key_event=key_event,
        pinned=pinned,
    )
    if pinned:
        _unpin_others(entry)
    entry.save()
    entry.authors.set(list(authors))
    log.info("live entry %s posted to blog %s", entry.pk, blog_id)
    return entry


@transaction.atomic
def save_entry(*, entry: LiveEntry, authors: Iterable[Author] | None = None) -> LiveEntry:
    """Save an entry as edited in a form: new or changed, live or scheduled by its time.

    A change to an entry readers have seen marks it edited (poll answers carry it to
    open pages); a correction is shown under it.
    """
    now = timezone.now()
    entry.is_published = entry.published_at <= now
    if entry.pk is not None:
        entry.edited_at = now
    if entry.pinned:
        _unpin_others(entry)
    entry.save()
    if authors is not None:
        entry.authors.set(list(authors))
    return entry


@transaction.atomic
def delete_entry(*, entry: LiveEntry) -> None:
    """Take an entry down. The row stays, marked deleted, so open pages learn on their next
    poll that it has gone, and cursors naming it keep working."""
    entry.deleted_at = timezone.now()
    entry.pinned = False
    entry.save(update_fields=["deleted_at", "pinned"])
    log.info("live entry %s deleted", entry.pk)


def publish_due_entries(*, now: datetime | None = None) -> int:
    """Put live every scheduled entry whose time has come (the scheduler calls this each
    minute). Saved one by one, so each purges what shows it."""
    now = now or timezone.now()
    due = LiveEntry.objects.filter(is_published=False, deleted_at__isnull=True)
    count = 0
    for entry in due.filter(published_at__lte=now):
        with transaction.atomic():
            entry.is_published = True
            entry.save(update_fields=["is_published"])
        count += 1
    return count


def _unpin_others(entry: LiveEntry) -> None:
    # One pinned entry per blog; saved one by one so each unpinned entry is purged too.
    others = LiveEntry.objects.filter(blog_id=entry.blog_id, pinned=True).exclude(pk=entry.pk)
    for other in others:
        other.pinned = False
        other.save(update_fields=["pinned"])
