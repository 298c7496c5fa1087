"""Django's Redis cache, failing open: while Redis is unreachable it is a cache that misses.

Redis holds nothing durable (shared fragments, the "most commented" ranking, session copies,
rate-limit counters), yet Django's ``RedisCache`` raises on every call while it is down, so
every page and every comment post that touches the cache answered 500. This backend turns a
refused or timed-out connection into a miss:

* reads miss: ``get`` returns the default, ``get_many`` nothing, ``has_key`` False;
* writes are dropped; ``add`` succeeds (True) as on an empty cache, so a lock taken with it
  (allauth's rate limits) or a marker (the comment flood check) lets the request through
  instead of waiting or refusing; ``touch`` finds nothing (False);
* ``incr`` raises ``ValueError``, as for a missing key.

So every limit counted in the cache fails open. The other side: code using ``add`` as "once
across all app servers" does its thing every time while Redis is down.

Each process keeps the state of each Redis server it uses (:class:`_Server`). The first
failure logs one warning; for :data:`RECHECK_SECONDS` after each failure calls skip the
server instead of waiting for a connection that is not coming, and the first call after
that tries again. When Redis answers again, that is logged once too. :meth:`reachable`
(``/readyz``) always asks the server.

Connections wait at most ``socket_connect_timeout`` (0.25 s) to open and ``socket_timeout``
(1 s) for an answer, unless the cache's ``OPTIONS`` say otherwise; ``recheck_seconds`` there
changes :data:`RECHECK_SECONDS`.
"""

import logging
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from broadsheet.core.outages import Outage

logger = logging.getLogger("broadsheet.caching")

#: What an unreachable or stalled server raises (refused, reset, timed out, still loading).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
#: Seconds after a failure during which calls do not try the server again.
RECHECK_SECONDS = 5.0
DEFAULT_OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 1.0}

_NOT_COUNTED = object()


class _Server(Outage):
    """One Redis server; after a failure, calls skip it for ``recheck_seconds``."""

    def __init__(self, name: str) -> None:
        super().__init__(
            name,
            logger=logger,
            down="Redis at %(name)s is unreachable (%(error)s); serving without the cache "
            "until it answers",
            back="Redis at %(name)s answers again after %(seconds).0f s without it",
        )
        self.retry_at = 0.0

    def skipping(self) -> bool:
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception, recheck_seconds: float) -> float:  # type: ignore[override]
        now = super().failed(str(error))
        self.retry_at = now + recheck_seconds
        return now


_servers: dict[str, _Server] = {}
_servers_lock = threading.Lock()


def _server_for(locations: Iterable[str]) -> _Server:
    # Named without credentials: the name goes into the logs. Caches on the same server
    # (the default and the fragments) share one state, so an outage is logged once.
    name = ", ".join(_without_credentials(location) for location in locations)
    with _servers_lock:
        if name not in _servers:
            _servers[name] = _Server(name)
        return _servers[name]


def _without_credentials(location: str) -> str:
    parts = urlsplit(location)
    return parts.netloc.rpartition("@")[2] + parts.path


def forget_outages() -> None:
    """Forget the state of every server (tests do, between tests)."""
    with _servers_lock:
        _servers.clear()


class ResilientRedisCache(RedisCache):
    """``RedisCache`` whose calls miss instead of raising while the server is unreachable."""

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = {**DEFAULT_OPTIONS, **params.get("OPTIONS", {})}
        self.recheck_seconds = float(options.pop("recheck_seconds", RECHECK_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._server = _server_for(self._servers)

    def reachable(self) -> bool:
        """Whether the server answers now, asked whatever this process last found."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self._server.failed(error, self.recheck_seconds)
            return False
        self._server.answered()
        return True

    def mark_many(self, keys: Sequence[str], *, seconds: int) -> list[bool]:
        """Set each key for ``seconds`` unless it is set, in one round trip: whether each was
        set now (all True while the server is unreachable). See ``broadsheet.caching.counters``."""
        return self._call([True] * len(keys), self._mark_many, keys, seconds)

    def count_many(self, keys: Sequence[str], *, seconds: int) -> list[int]:
        """One more in each key's window of ``seconds`` from its first count, in one round
        trip: the new counts (all 1 while the server is unreachable)."""
        return self._call([1] * len(keys), self._count_many, keys, seconds)

    def _mark_many(self, keys: Sequence[str], seconds: int) -> list[bool]:
        pipe = self._cache.get_client(write=True).pipeline(transaction=False)
        for key in keys:
            pipe.set(self.make_and_validate_key(key), 1, nx=True, ex=seconds)
        return [bool(done) for done in pipe.execute()]

    def _count_many(self, keys: Sequence[str], seconds: int) -> list[int]:
        # SET NX starts a window with its lifetime; INCR keeps the lifetime it finds.
        pipe = self._cache.get_client(write=True).pipeline(transaction=False)
        for key in keys:
            name = self.make_and_validate_key(key)
            pipe.set(name, 0, nx=True, ex=seconds)
            pipe.incr(name)
        return pipe.execute()[1::2]

    def _call(self, fallback: object, operation: Callable[..., Any], *args: object) -> Any:
        if self._server.skipping():
            return fallback
        try:
            result = operation(*args)
        except UNREACHABLE as error:
            self._server.failed(error, self.recheck_seconds)
            return fallback
        self._server.answered()
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call(True, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None) -> Any:
        return self._call(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._call(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._call(False, super().touch, key, timeout, version)

    def delete(self, key, version=None) -> bool:
        return self._call(False, super().delete, key, version)

    def get_many(self, keys, version=None) -> dict:
        return self._call({}, super().get_many, keys, version)

    def has_key(self, key, version=None) -> bool:
        return self._call(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None) -> int:
        result = self._call(_NOT_COUNTED, super().incr, key, delta, version)
        if result is _NOT_COUNTED:
            raise ValueError(f"Key {key!r} not counted: Redis is unreachable.")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return self._call(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None) -> None:
        self._call(None, super().delete_many, keys, version)

    def clear(self) -> bool:
        return self._call(False, super().clear)
