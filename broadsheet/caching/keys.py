"""Surrogate keys: each response names what it shows, each change names what changed.

The HTTP cache in front of the site stores a page with the keys in its ``Surrogate-Key``
header (space-separated: Varnish's ``xkey``, Fastly's ``Surrogate-Key`` and Cloudflare's
``Cache-Tag`` read the same list); purging a key drops every stored page that named it. So a
page type nobody has met before is purged exactly as soon as the code that reads its objects
names them, with no table of URLs to keep up to date.

Reading code calls :func:`add` with the keys of what it reads (``page-12``, ``section-4``,
``comments-12``…; each app defines its own, see ``docs/architecture.md``, "Keeping pages
fresh"); :class:`~broadsheet.caching.middleware.SharedCacheMiddleware` collects them for the
request and writes the header on shareable responses. Outside a request, :func:`add` does
nothing.

What remembers a value computed during a request (:mod:`broadsheet.caching.fragments`, the
one remembering layer) must remember the keys that computing it added as well, and add them
again whenever it hands the value out: :func:`capture` gives them. Otherwise a page built
from remembered parts would name fewer keys than it shows.

Caches that cannot purge by key (the nginx front, most CDNs) get single URLs instead:
:mod:`broadsheet.caching.url_index` remembers which URLs named which keys.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

#: The response header holding the keys.
HEADER = "Surrogate-Key"
#: Named by every response: the site's navigation, settings and frame show on every page.
SITE = "site"
#: Named by every shareable "not found" (404) and "gone" (410): publishing anything may fill one.
MISSING = "missing"

_collected: ContextVar[tuple[set[str], ...]] = ContextVar("broadsheet_surrogate_keys", default=())


def page(page_id: int) -> str:
    """A page itself: its title, its text, its address (every page type)."""
    return f"page-{page_id}"


def add(*keys: str) -> None:
    """Record that the response being built shows what ``keys`` name."""
    for found in _collected.get():
        found.update(keys)


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collect every key added inside, for one response (nothing collects outside)."""
    found: set[str] = set()
    token = _collected.set((found,))
    try:
        yield found
    finally:
        _collected.reset(token)


@contextmanager
def capture() -> Iterator[set[str]]:
    """The keys added inside (also passed on to whoever collects around it)."""
    found: set[str] = set()
    token = _collected.set((*_collected.get(), found))
    try:
        yield found
    finally:
        _collected.reset(token)


def header_value(keys: Iterable[str]) -> str:
    return " ".join(sorted(set(keys)))


def parse(value: str) -> set[str]:
    return set(value.split())
