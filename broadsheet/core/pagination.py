"""Bounded, index-backed pagination for article listings.

Listings are ordered newest first by ``(published_at, id)``, the index
``article_published_idx``. Readers get numbered pages (``?page=N``) for the first ``max_pages()``
pages, so OFFSET never skips more than ``(max_pages() - 1) * page_size()`` rows of that index.
The last numbered page's "Older" link switches to a keyset cursor (``?before=<µs>-<id>``): each
further page is one index seek, however deep, and its URL always shows the same articles.

No COUNT is taken: one extra row is read to know whether an older page exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

PAGE_SIZE = 20
MAX_PAGES = 50
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PAGE_RE = re.compile(r"[1-9][0-9]{0,5}")
#: The largest id a database row can have (a signed 64-bit integer).
MAX_ID = 2**63 - 1
_CURSOR_RE = re.compile(r"(-?[0-9]{1,20})-([0-9]{1,19})")


def page_size() -> int:
    """Articles per listing page (setting ``BROADSHEET_LISTING_PAGE_SIZE``, default 20)."""
    return int(getattr(settings, "BROADSHEET_LISTING_PAGE_SIZE", PAGE_SIZE))


def max_pages() -> int:
    """Numbered pages before cursors take over (``BROADSHEET_LISTING_MAX_PAGES``, default 50)."""
    return int(getattr(settings, "BROADSHEET_LISTING_MAX_PAGES", MAX_PAGES))


@dataclass(frozen=True)
class Cursor:
    """A position in a newest-first listing: everything strictly older than this article."""

    published: datetime
    pk: int

    @classmethod
    def after(cls, article: Any) -> Cursor:
        return cls(article.published_at, article.pk)

    @classmethod
    def decode(cls, value: str) -> Cursor:
        match = _CURSOR_RE.fullmatch(value)
        if not match:
            raise ValueError(f"not a listing cursor: {value!r}")
        micros, pk = int(match[1]), int(match[2])
        if pk > MAX_ID:
            raise ValueError(f"cursor out of range: {value!r}")
        try:
            return cls(EPOCH + timedelta(microseconds=micros), pk)
        except OverflowError as exc:
            raise ValueError(f"cursor out of range: {value!r}") from exc

    def encode(self) -> str:
        micros = (self.published - EPOCH) // timedelta(microseconds=1)
        return f"{micros}-{self.pk}"

    def older_q(self) -> Q:
        return Q(published_at__lt=self.published) | Q(published_at=self.published, pk__lt=self.pk)


@dataclass(frozen=True)
class Listing:
    """One page of a listing and the links around it."""

    items: list[Any]
    number: int | None  # None on a cursor page
    next_url: str | None  # older articles
    previous_url: str | None  # newer articles
    first_url: str | None  # back to the newest, on cursor pages

    @property
    def has_other_pages(self) -> bool:
        return bool(self.next_url or self.previous_url or self.first_url)


def listing_url(request: HttpRequest, **params: str | int | None) -> str:
    """This page's URL with ``page``/``before`` replaced, other query parameters kept."""
    query = request.GET.copy()
    for name in ("page", "before"):
        query.pop(name, None)
    for name, value in params.items():
        if value is not None:
            query[name] = str(value)
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def page_number(request: HttpRequest, *, limit: int | None = None) -> int:
    """The requested ``?page=N`` (1 when absent); 404 for anything else or beyond ``limit``."""
    raw = request.GET.get("page")
    if raw is None:
        return 1
    if not _PAGE_RE.fullmatch(raw):
        raise Http404("No such page")
    number = int(raw)
    if number > (limit or max_pages()):
        raise Http404("No such page")
    return number


def paginate(request: HttpRequest, queryset: QuerySet, *, per_page: int | None = None) -> Listing:
    """Return the requested page of ``queryset``, which must be ordered newest first.

    Raises Http404 for malformed parameters and for pages past the end (page 1 may be empty).
    """
    per_page = per_page or page_size()
    before = request.GET.get("before")
    if before is not None:
        return _cursor_page(request, queryset, before, per_page)
    number = page_number(request)
    offset = (number - 1) * per_page
    rows = list(queryset[offset : offset + per_page + 1])
    items = rows[:per_page]
    if number > 1 and not items:
        raise Http404("No such page")
    next_url = None
    if len(rows) > per_page:
        if number < max_pages():
            next_url = listing_url(request, page=number + 1)
        else:
            next_url = listing_url(request, before=Cursor.after(items[-1]).encode())
    previous_url = None
    if number > 1:
        previous_url = listing_url(request, page=number - 1 if number > 2 else None)
    return Listing(items, number, next_url, previous_url, None)


def _cursor_page(request: HttpRequest, queryset: QuerySet, raw: str, per_page: int) -> Listing:
    try:
        cursor = Cursor.decode(raw)
    except ValueError as exc:
        raise Http404("No such page") from exc
    rows = list(queryset.filter(cursor.older_q())[: per_page + 1])
    items = rows[:per_page]
    if not items:
        raise Http404("No such page")
    next_url = None
    if len(rows) > per_page:
        next_url = listing_url(request, before=Cursor.after(items[-1]).encode())
    return Listing(items, None, next_url, None, listing_url(request))
