"""The one remembering layer behind the HTTP cache: answers kept until what they show changes.

The HTTP cache in front of the site keeps whole pages; this keeps, for the requests that reach
the app server anyway (the first reader after a purge, pages with a query string, every app
server behind a CDN), what building a page costs:

* :func:`cached`: rendered fragments of reader pages (an article's body, its comment
  threads, what follows it), shared between app servers through the ``fragments`` cache
  (Redis in production) and by anonymous readers only, never in previews;
* :func:`remember`: what every request looks up first (its site, the site's settings, the
  page at its path, which pages are private, the sections for the navigation, the active
  bans), kept by each process in its own memory, for any caller: a request, the admin, a
  command, a task. Each call gets its own shallow copy of what was kept.

Both keep their answers in one bounded, least-recently-used store in each process's memory
(:data:`NEARBY_BYTES`), :func:`cached` with the shared cache behind it.

**Staleness is impossible by construction.** Every key holds the current values of the
:class:`~broadsheet.caching.models.Generation` rows the answer depends on (``content`` by
default); the events that purge the HTTP cache move those values in the same transaction
(``broadsheet.freshness.handlers``), so after a change no caller can find the old answer.
Nothing is ever deleted; old answers are unreachable, and expire
(``BROADSHEET_FRAGMENT_CACHE_TIMEOUT``, by default the HTTP cache's ``s-maxage``). A
generation is read before the data it guards, so an answer is never kept under a number
older than its content.

Reading the generations costs one query per request for every key asked before (the request
keeps the values, and :func:`bump` updates them when the request itself makes a change);
a caller outside a request reads them in one query per call. Nothing depends on a caller
opening a context. When the shared cache is unreachable, fragments are rendered from the
database (``caching/resilient.py``). The rows live in the database rather than the cache so
that every process agrees on them, even with the in-process cache of the embedded setup.

An answer is kept with the surrogate keys its computing named (:mod:`broadsheet.caching.keys`)
and names them again on every use.
"""

import copy
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db.models import Model
from django.http import HttpRequest
from django.utils.translation import get_language

from broadsheet.caching import keys
from broadsheet.caching.models import Generation

CACHE_ALIAS = "fragments"
#: What the keys of :func:`remember`'s answers start with (fragments' start with "fragment").
REMEMBERED = "remembered"
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

#: The generation values the request being served has read (see :func:`reading`).
_known: ContextVar[dict[str, int] | None] = ContextVar("broadsheet_generations", default=None)


def _fresh() -> int:
    # The clock in nanoseconds: never a value an earlier row had, even after a restore or a
    # rolled-back test (values need only differ, not grow).
    return time.time_ns()


def bump(names: Iterable[str]) -> None:
    """Move the generations ``names``: answers kept under the old values are unreachable.

    One upsert, in the caller's transaction: a change that rolls back moves nothing, and
    readers see the new numbers exactly when they can see the change. A request that makes
    the change reads the new numbers from then on.
    """
    rows = [Generation(key=name, value=_fresh()) for name in sorted(set(names))]
    if rows:
        Generation.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["key"], update_fields=["value"]
        )
        known = _known.get()
        if known is not None:
            known.update((row.key, row.value) for row in rows)


@contextmanager
def reading(request: HttpRequest) -> Iterator[None]:
    """Let the code inside (one request) read each generation once.

    Opened by :class:`~broadsheet.caching.middleware.RememberingMiddleware`; without it,
    every call reads the generations it needs from the database: as correct, one query more.
    """
    token = _known.set(request.__dict__.setdefault("_broadsheet_generations", {}))
    try:
        yield
    finally:
        _known.reset(token)


def generations(request: HttpRequest | None, names: Iterable[str]) -> tuple[int, ...]:
    """The current values of ``names``: one query per request for all names asked before."""
    names = tuple(names)
    if request is not None:
        known = request.__dict__.setdefault("_broadsheet_generations", {})
    else:
        known = _known.get()
        if known is None:
            known = {}  # outside a request: read now, keep nothing
    wanted = [name for name in names if name not in known]
    if wanted:
        known.update(Generation.objects.filter(key__in=wanted).values_list("key", "value"))
        missing = [name for name in wanted if name not in known]
        if missing:
            Generation.objects.bulk_create(
                [Generation(key=name, value=_fresh()) for name in missing], ignore_conflicts=True
            )
            known.update(Generation.objects.filter(key__in=missing).values_list("key", "value"))
    return tuple(known[name] for name in names)


def prefetch(request: HttpRequest | None, names: Iterable[str]) -> None:
    """Read ``names`` now, with any others the page will need, in one query."""
    if usable(request):
        generations(request, names)


# Remembering ----------------------------------------------------------------------------------


def remember[T](
    name: str,
    parts: Iterable[object],
    compute: Callable[[], T],
    *,
    request: HttpRequest | None = None,
    depends_on: Iterable[str] = (CONTENT,),
) -> T:
    """``compute()``'s answer, kept by this process while ``depends_on`` stay unchanged.

    For lookups that are the same for every caller (not per reader), shared by this process's
    requests, the admin, commands and tasks alike. ``parts`` are whatever else the answer
    depends on (ids, a host). Returns a shallow copy of a model instance, list or dict, so
    a caller may set attributes or append without changing what others get; anything else
    (and what a list holds) is shared with other callers: never change it.
    """
    if timeout() <= 0:
        return compute()
    numbers = generations(request, depends_on)
    return _copy(_kept(_key(name, [*parts, *numbers], REMEMBERED), compute, shared=False))


def _copy[T](value: T) -> T:
    # What a request changes: a model instance's attributes (Wagtail sets some on the page it
    # serves), a list or dict it extends. Anything else is handed out as kept.
    if isinstance(value, Model):
        return copy.copy(value)
    if isinstance(value, list):
        return list(value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return dict(value)  # type: ignore[return-value]
    return value


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
    return _kept(key, render, shared=True)


def _kept[T](key: str, compute: Callable[[], T], *, shared: bool) -> T:
    """The answer kept under ``key`` (in this process, then with ``shared`` in the shared
    cache), else ``compute()``'s, kept with the surrogate keys computing it named; those are
    named again on every use."""
    kept = _nearby.get(key)
    if kept is None:
        cache = caches[CACHE_ALIAS] if shared else None
        kept = cache.get(key) if cache is not None else None
        if kept is None:
            with keys.capture() as named:
                value = compute()
            kept = (tuple(sorted(named)), value)
            if cache is not None:
                cache.set(key, kept, timeout())
        _nearby.put(key, kept, timeout())
    named, value = kept
    keys.add(*named)
    return value  # type: ignore[return-value]


class _Nearby:
    """What this process used last, in its own memory (in front of the shared cache for
    fragments).

    A key names the generations its answer was made under, so a kept answer can never be out
    of date. Bounded by :data:`NEARBY_BYTES` of text (any other value, alone or in a tuple,
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

    def drop_kind(self, kind: str) -> None:
        with self.lock:
            for key in [key for key in self.entries if key.startswith(f"{kind}:")]:
                self._drop(key)

    def _drop(self, key: str) -> None:
        self.size -= self.entries.pop(key)[2]


#: What each process keeps in its own memory: remembered answers and fragments.
NEARBY_BYTES = 32 * 1024 * 1024
_nearby = _Nearby(NEARBY_BYTES)


def clear_nearby() -> None:
    """Forget what this process kept in its own memory (tests do, between databases)."""
    _nearby.clear()


def forget_rendered() -> None:
    """Forget every rendered fragment, shared and in this process's memory, as after a restart
    of everything with an empty cache; what :func:`remember` kept stays."""
    caches[CACHE_ALIAS].clear()
    _nearby.drop_kind("fragment")


def _key(name: str, parts: list[object], kind: str = "fragment") -> str:
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=16).hexdigest()
    return f"{kind}:{RELEASE}:{name}:{digest}"


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
