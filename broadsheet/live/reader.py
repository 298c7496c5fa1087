"""What readers get from a live blog: its head, older pages by cursor, an entry's
permalink, the poll answer and the feeds. Thin: parse, read (``selectors``), render.

Cache: the head, the poll answers and the feeds name the blog's key (``keys.blog``), which
every change to an entry purges; a page of older entries and a permalink name only the
entries they show, so they stay in the cache while the coverage goes on.
"""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from broadsheet.caching import fragments, keys
from broadsheet.live import keys as live_keys
from broadsheet.live import selectors, structured
from broadsheet.live.entries import LiveEntry
from broadsheet.live.feeds import LiveEntriesFeed

FEED_FORMATS = ("rss", "atom", "json")


def _authors(page) -> list:
    return [link.author for link in page.blog_authors.select_related("author")]


def _cursor(request: HttpRequest, name: str) -> int | None:
    value = request.GET.get(name)
    if value is None:
        return None
    if not value.isdigit():
        raise Http404("Malformed cursor.")
    return int(value)


def head(request: HttpRequest, page) -> HttpResponse:
    """The newest entries with the pinned one and the key events on top; with ``?before=``,
    the page of entries older than that one instead."""
    before = _cursor(request, "before")
    if before is not None:
        cursor = selectors.entry_of(page.pk, before)
        listing = selectors.older_than(page.pk, cursor)
        return _render_older(request, page, listing)
    keys.add(live_keys.blog(page.pk))
    listing = selectors.head(page.pk)
    authors = _authors(page)
    context = {
        "listing": listing,
        "pinned": selectors.pinned(page.pk),
        "key_events": selectors.key_events(page.pk),
        "authors": authors,
        "latest_id": listing.entries[0].pk if listing.entries else 0,
        "is_head": True,
        "blog_url": page.get_url(request),
        "metadata": structured.metadata(
            request, page, authors=authors, entries=listing.entries[:10]
        ),
    }
    return page.render(request, context_overrides=context)


def permalink(request: HttpRequest, page, entry_id: int) -> HttpResponse:
    """One entry first, then the ones before it; a deleted or scheduled one is not found."""
    entry = selectors.entry_of(page.pk, entry_id)
    if not entry.is_published or entry.deleted_at is not None:
        raise Http404("This entry is not shown.")
    return _render_older(request, page, selectors.starting_at(page.pk, entry), focus=entry)


def _render_older(request, page, listing, *, focus: LiveEntry | None = None) -> HttpResponse:
    if not listing.entries:
        raise Http404("No entries here.")
    keys.add(*(live_keys.entry(entry.pk) for entry in listing.entries))
    context = {
        "listing": listing,
        "authors": _authors(page),
        "focus": focus,
        "is_head": False,
        "blog_url": page.get_url(request),
    }
    return page.render(request, context_overrides=context)


def updates(request: HttpRequest, page) -> JsonResponse:
    """``updates/?after=<entry>``: what an open page lacks. The same answer for every reader
    at the same entry, so the cache in front serves it to all of them."""
    after = _cursor(request, "after")
    if after is None:
        raise Http404("Say after which entry.")
    keys.add(live_keys.blog(page.pk))
    # 0: the page showed no entry yet (an upcoming blog turned live).
    anchor = selectors.entry_of(page.pk, after) if after else None
    answer = fragments.cached(
        request,
        "live-updates",
        [page.pk, after],
        lambda: _updates_answer(request, page, anchor),
        depends_on=[fragments.CONTENT, live_keys.generation(page.pk)],
    )
    return JsonResponse(answer)


def _updates_answer(request: HttpRequest, page, anchor: LiveEntry | None) -> dict:
    found = selectors.updates_after(page.pk, anchor)
    latest = found.new[0].pk if found.new else (anchor.pk if anchor else 0)
    blog_url = page.get_url(request)
    return {
        "latest": latest,
        "complete": found.complete,
        "entries": [_entry_json(request, blog_url, entry) for entry in found.new],
        "edited": [_entry_json(request, blog_url, entry) for entry in found.edited],
        "deleted": found.deleted,
    }


def _entry_json(request: HttpRequest, blog_url: str, entry: LiveEntry) -> dict:
    context = {"entry": entry, "blog_url": blog_url}
    html = render_to_string("live/entry.html", context, request=request)
    return {"id": entry.pk, "html": html}


def feed(request: HttpRequest, page, kind: str) -> HttpResponse:
    if kind not in FEED_FORMATS:
        raise Http404("No such feed format.")
    return LiveEntriesFeed(kind)(request, page=page)
