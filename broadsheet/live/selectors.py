"""Reads of live entries: a blog's head, pages of older entries by cursor, key events, and
what changed since the entry a reader's page shows last.

Every read walks ``live_entry_time_idx`` (blog, time, id) newest first and stops after a page;
none counts the entries, so a blog of thousands costs what one of ten does.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from broadsheet.live.entries import LiveEntry

ENTRIES_PER_PAGE = 20
# A poll answer carries at most this many new entries; a reader further behind reloads.
UPDATES_MAX = 50


@dataclass(frozen=True)
class EntryPage:
    """One page of entries, newest first, and the cursor of the page after it (if any)."""

    entries: list[LiveEntry]
    older_cursor: int | None


@dataclass(frozen=True)
class Updates:
    """What a reader whose newest entry is ``anchor`` lacks: newer entries, entries edited
    since it went live, entries deleted since; ``complete`` is False when more are newer
    than one answer carries."""

    new: list[LiveEntry]
    edited: list[LiveEntry]
    deleted: list[int]
    complete: bool


def visible(blog_id: int) -> QuerySet[LiveEntry]:
    return LiveEntry.objects.filter(blog_id=blog_id).visible()


def entry_of(blog_id: int, entry_id: int) -> LiveEntry:
    """Any entry of the blog, deleted or scheduled ones included (a cursor stays valid)."""
    found = LiveEntry.objects.filter(blog_id=blog_id, pk=entry_id).first()
    if found is None:
        raise Http404("No such entry in this live blog.")
    return found


def _older_q(entry: LiveEntry, *, inclusive: bool = False) -> Q:
    same_time = (
        Q(published_at=entry.published_at, pk__lte=entry.pk)
        if inclusive
        else Q(published_at=entry.published_at, pk__lt=entry.pk)
    )
    return Q(published_at__lt=entry.published_at) | same_time


def _page(entries: QuerySet[LiveEntry], size: int) -> EntryPage:
    found = list(entries.newest_first().for_reading()[: size + 1])
    more = len(found) > size
    found = found[:size]
    return EntryPage(found, found[-1].pk if more and found else None)


def head(blog_id: int, *, size: int = ENTRIES_PER_PAGE) -> EntryPage:
    return _page(visible(blog_id), size)


def older_than(blog_id: int, cursor: LiveEntry, *, size: int = ENTRIES_PER_PAGE) -> EntryPage:
    """The page after ``cursor``: it never changes unless one of its own entries does."""
    return _page(visible(blog_id).filter(_older_q(cursor)), size)


def starting_at(blog_id: int, entry: LiveEntry, *, size: int = ENTRIES_PER_PAGE) -> EntryPage:
    """An entry's permalink: the entry, then older ones."""
    return _page(visible(blog_id).filter(_older_q(entry, inclusive=True)), size)


def pinned(blog_id: int) -> LiveEntry | None:
    return visible(blog_id).filter(pinned=True).for_reading().newest_first().first()


def key_events(blog_id: int) -> list[LiveEntry]:
    """Every key event, newest first, however old: each links to its permalink."""
    return list(
        visible(blog_id)
        .filter(key_event=True)
        .only("pk", "blog_id", "title", "published_at")
        .newest_first()
    )


def latest_id(blog_id: int) -> int | None:
    return visible(blog_id).newest_first().values_list("pk", flat=True).first()


def updates_after(blog_id: int, anchor: LiveEntry | None) -> Updates:
    """What a page showing entries up to ``anchor`` lacks; ``None``: a page that showed
    none (the blog had no entries yet)."""
    if anchor is None:
        new = list(visible(blog_id).newest_first().for_reading()[: UPDATES_MAX + 1])
        return Updates(
            new=new[:UPDATES_MAX], edited=[], deleted=[], complete=len(new) <= UPDATES_MAX
        )
    # The reader's page was built after the anchor went live (saved, or reached its
    # scheduled time): anything changed since then may be missing from it.
    since = max(anchor.created_at, anchor.published_at)
    newer = visible(blog_id).exclude(_older_q(anchor, inclusive=True))
    new = list(newer.newest_first().for_reading()[: UPDATES_MAX + 1])
    shown = visible(blog_id).filter(_older_q(anchor, inclusive=True))
    edited = list(shown.filter(edited_at__gt=since).newest_first().for_reading()[:UPDATES_MAX])
    deleted = LiveEntry.objects.filter(blog_id=blog_id, deleted_at__gt=since)
    return Updates(
        new=new[:UPDATES_MAX],
        edited=edited,
        deleted=sorted(deleted.values_list("pk", flat=True)[:UPDATES_MAX]),
        complete=len(new) <= UPDATES_MAX,
    )
