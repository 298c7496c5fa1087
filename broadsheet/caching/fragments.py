"""Rendered fragments of reader pages, reused until what they show changes.

The HTTP cache in front of the site keeps whole pages; this keeps the expensive parts of a page
(an article's body, its comment threads, what follows it) for the requests that reach the app
server anyway: the first reader after a purge, pages with a query string, every app server
behind a CDN. Fragments are shared by anonymous readers only, never in previews.

Invalidation is exact and needs no deletion. A fragment's key holds the current values of the
:class:`~broadsheet.caching.models.Generation` rows it depends on, read from the database in
one query per request; the same events that purge the HTTP cache move those values
(``broadsheet.freshness.handlers``), so after a change no request can find the old fragment. The
rows live in the database rather than the cache so that every process agrees on them, even with
the in-process cache of the embedded setup. Old fragments simply expire
(``BROADSHEET_FRAGMENT_CACHE_TIMEOUT``, by default the HTTP cache's ``s-maxage``).

A generation is read before the data it guards and moved when the change is made, so a fragment
is never stored under a number older than its content.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils.translation import get_language

from broadsheet.caching import keys, memo
from broadsheet.caching.models import Generation

CACHE_ALIAS = "fragments"
CONTENT = "content"
#: Bans and word lists: what the comment pipeline reads on every post.
MODERATION = "moderation"
#: The learned spam filter's version (trained by nearly every moderator decision).
SPAM_FILTER = "spam-filter"


def comments_of(article_id: int) -> str:
    """The generation of one article's comment threads (and comment policy)."""
    return f"comments:{article_id}"


def timeout() -> int:
    return int(getattr(settings, "BROADSHEET_FRAGMENT_CACHE_TIMEOUT", 0))


def usable(request: HttpRequest | None) -> bool:
    """Whether this request may share fragments: an anonymous reader, not a preview."""
    if request is None or timeout() <= 0 or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


# Generations -----------------------------------------------------------------------------------


def _fresh() -> int:
    # The clock in nanoseconds: never a value an earlier row had, even after a restore or a
    # rolled-back test (values need only differ, not grow).
    return time.time_ns()


def bump(keys: Iterable[str]) -> None:
    """Move the generations ``keys``: fragments stored under the old values are unreachable.

    One upsert, in the caller's transaction: a change that rolls back moves nothing, and
    readers see the new numbers exactly when they can see the change.
    """
    keys = sorted(set(keys))
    if keys:
        Generation.objects.bulk_create(
            [Generation(key=key, value=_fresh()) for key in keys],
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=["value"],
        )


def generations(request: HttpRequest, keys: Iterable[str]) -> tuple[int, ...]:
    """The current values of ``keys``: one query per request for all keys asked before."""
    keys = tuple(keys)
    known: dict[str, int] = request.__dict__.setdefault("_broadsheet_generations", {})
    wanted = [key for key in keys if key not in known]
    if wanted:
        known.update(Generation.objects.filter(key__in=wanted).values_list("key", "value"))
        missing = [key for key in wanted if key not in known]
        if missing:
            Generation.objects.bulk_create(
                [Generation(key=key, value=_fresh()) for key in missing], ignore_conflicts=True
            )
            known.update(Generation.objects.filter(key__in=missing).values_list("key", "value"))
    return tuple(known[key] for key in keys)


@contextmanager
def remembering_also(request: HttpRequest, *keys: str) -> Iterator[None]:
    """Run the code inside with ``memo.also(key, …)`` at each key's current value.

    Reads the values once per request (with the page's other generations after the first
    request to the path); does nothing when fragments are off.
    """
    if timeout() <= 0:
        yield
        return
    with ExitStack() as stack:
        for key, value in zip(keys, generations(request, keys), strict=True):
            stack.enter_context(memo.also(key, value))
        yield


def prefetch(request: HttpRequest | None, keys: Iterable[str]) -> None:
    """Read ``keys`` now, with any others the page will need, in one query."""
    if usable(request):
        generations(request, keys)


# Fragments -------------------------------------------------------------------------------------


def cached[T](
    request: HttpRequest | None,
    name: str,
    parts: Iterable[object],
    render: Callable[[], T],
    *,
    depends_on: Iterable[str] = (CONTENT,),
) -> T:
    """``render()``'s result, shared between requests while ``depends_on`` stay unchanged.

    ``parts`` are whatever else the result depends on (ids, page numbers, a sort order).
    Usually HTML; any picklable value will do (the article page keeps its comment policy).
    Requests that may not share fragments (see :func:`usable`) always render.
    """
    if not usable(request):
        return render()
    numbers = generations(request, depends_on)
    # Share links and canonical URLs name the scheme and host the reader used.
    key = _key(name, [*parts, *numbers, get_language(), request.scheme, request.get_host()])
    # Kept with the surrogate keys its rendering named, named again on every use.
    kept = _nearby.get(key)
    if kept is None:
        cache = caches[CACHE_ALIAS]
        kept = cache.get(key)
        if kept is None:
            with keys.capture() as named:
                value = render()
            kept = (tuple(sorted(named)), value)
            cache.set(key, kept, timeout())
        _nearby.put(key, kept, timeout())
    named, value = kept
    keys.add(*named)
    return value


class _Nearby:
    """The fragments this process used last, in its own memory, in front of the shared cache.

    A key names the generations its fragment was made under, so a kept fragment can never be
    out of date: this saves the round trip to Redis (a page uses five fragments) and nothing
    else. Bounded by :data:`NEARBY_BYTES` of text (any other value, alone or in a tuple,
    counts as 1 KiB), oldest use evicted first; entries expire like the shared ones.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict[str, tuple[float, object, int]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> object | None:
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, value: object, seconds: int) -> None:
        # A value is kept as (surrogate keys, rendered value); a tuple's parts count one by one.
        parts = value if isinstance(value, tuple) else (value,)
        parts = [p for part in parts for p in (part if isinstance(part, tuple) else (part,))]
        size = sum(len(part) if isinstance(part, str | bytes) else 1024 for part in parts)
        if size > self.max_bytes // 8:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (time.monotonic() + seconds, value, size)
            self.size += size
            while self.size > self.max_bytes:
                self._drop(next(iter(self.entries)))

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0

    def _drop(self, key: str) -> None:
        self.size -= self.entries.pop(key)[2]


#: Text kept in each process's own memory in front of the shared fragment cache.
NEARBY_BYTES = 32 * 1024 * 1024
_nearby = _Nearby(NEARBY_BYTES)


def clear_nearby() -> None:
    """Forget this process's own copies (tests do, between databases)."""
    _nearby.clear()


def _key(name: str, parts: list[object]) -> str:
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    return f"fragment:{RELEASE}:{name}:{digest}"


def _release() -> str:
    """Changes whenever a template or the code changes, so an upgrade never serves old markup.

    Read from the files rather than their dates, so every app server of one release agrees.
    """
    digest = hashlib.blake2b(digest_size=6)
    root = Path(__file__).resolve().parents[1]
    for path in sorted([*root.glob("**/templates/**/*.html"), *root.glob("**/*.py")]):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


RELEASE = _release()
