"""Markers and counters in Django's cache, for limits shared by every app server.

A *mark* is a key set for some seconds unless it is already set: "one of these per interval".
A *count* is one more in a window that starts with the key's first count and lasts some
seconds. Several of either are done together: one round trip on Redis
(:meth:`~broadsheet.caching.resilient.ResilientRedisCache.mark_many` and ``count_many``),
Django's ``add`` and ``incr`` on any other cache (the embedded in-process one).

Both fail open, as the resilient cache does: while Redis is unreachable every mark is set now
and every count is 1, so no limit counted here refuses anyone during an outage.
"""

from collections.abc import Sequence

from django.core.cache import DEFAULT_CACHE_ALIAS, BaseCache, caches

from broadsheet.caching.resilient import ResilientRedisCache


def mark(keys: Sequence[str], *, seconds: int, cache: BaseCache | None = None) -> list[bool]:
    """Set each key for ``seconds`` unless it is set: whether each was set now. In the
    default cache unless ``cache`` is given."""
    cache = _backend(cache)
    if isinstance(cache, ResilientRedisCache):
        return cache.mark_many(keys, seconds=seconds)
    return [cache.add(key, 1, timeout=seconds) for key in keys]


def count(keys: Sequence[str], *, seconds: int, cache: BaseCache | None = None) -> list[int]:
    """One more in each key's window of ``seconds`` from its first count: the new counts.
    In the default cache unless ``cache`` is given."""
    cache = _backend(cache)
    if isinstance(cache, ResilientRedisCache):
        return cache.count_many(keys, seconds=seconds)
    return [_count_one(cache, key, seconds) for key in keys]


def _backend(cache: BaseCache | None) -> BaseCache:
    # The backend itself: ``django.core.cache.cache`` is a proxy, never a ResilientRedisCache.
    return caches[DEFAULT_CACHE_ALIAS] if cache is None else cache


def _count_one(cache: BaseCache, key: str, seconds: int) -> int:
    try:
        return cache.incr(key)
    except ValueError:  # no count yet in this window
        if cache.add(key, 1, timeout=seconds):
            return 1
    try:
        return cache.incr(key)  # another request started the window first
    except ValueError:  # and it ran out in between: start again
        cache.set(key, 1, timeout=seconds)
        return 1
