"""``/healthz`` and ``/readyz`` for load balancers and service managers.

Both are answered by :class:`HealthCheckMiddleware`, placed before every other middleware but
the method check (``broadsheet.ops.methods``), so they work for any Host header (a balancer
probes by IP), over plain HTTP behind TLS termination, and without touching the site's own
database queries. Neither is ever cached.

* ``/healthz``: the process is up and answering. No I/O.
* ``/readyz``: the database answers and every migration is applied. 503 with the failing
  checks otherwise, so a balancer keeps traffic away from a half-deployed server. The cache's
  state is reported too ("degraded" while Redis is unreachable) but never fails the check:
  pages and comments are served without it (``broadsheet.caching.resilient``), and a Redis
  outage must not take every app server out of the balancer at once.
* ``/readyz`` while the server is stopping: 503 ``{"status": "draining"}`` at once, without
  the checks, so the balancer stops sending requests before the server goes
  (``broadsheet.ops.draining``).
"""

import logging
import uuid
from collections.abc import Callable

from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse

from broadsheet.caching.resilient import ResilientRedisCache
from broadsheet.core import database
from broadsheet.ops import draining
from broadsheet.ops.logging import already_logged

logger = logging.getLogger("broadsheet.ops")

_migrations_applied = False  # once true it stays true for the life of the process


def healthz(request: HttpRequest) -> HttpResponse:
    return _no_store(JsonResponse({"status": "ok"}))


def readyz(request: HttpRequest) -> HttpResponse:
    if draining.is_draining():
        response = JsonResponse({"status": "draining"}, status=503)
        already_logged(request)  # planned, not an error: django.request stays quiet
        return _no_store(response)
    checks = {
        "database": _check(_database),
        "cache": _cache(),
        "migrations": _check(_migrations),
    }
    ready = checks["database"] == checks["migrations"] == "ok"
    if not ready:
        status = "unavailable"
    else:
        status = "ok" if checks["cache"] == "ok" else "degraded"
    body = {"status": status, "checks": checks}
    response = JsonResponse(body, status=200 if ready else 503)
    if checks["database"] != "ok":
        # Already logged (an outage once, anything else by _check): not again per probe.
        already_logged(request)
    return _no_store(response)


def _check(probe: Callable[[], str]) -> str:
    try:
        return probe()
    except Exception as error:  # any failure counts; the reason goes in the body
        logger.warning("Readiness check %s failed: %r", probe.__name__, error)
        return f"error: {type(error).__name__}"


def _database() -> str:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except database.UNAVAILABLE as error:
        # Logged once per outage, not once per probe (a balancer probes every few seconds).
        database.outage().failed(error)
        return f"error: {type(error).__name__}"
    return "ok"


def _cache() -> str:
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        # Logs the outage and the recovery itself, once each, not once per probe.
        return "ok" if cache.reachable() else "unreachable"
    return _check(_read_back)


def _read_back() -> str:
    cache = caches["default"]
    key, value = "broadsheet:readyz", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    return "ok" if cache.get(key) == value else "error: value not read back"


def _migrations() -> str:
    global _migrations_applied
    if not _migrations_applied:
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if pending:
            return f"error: {len(pending)} unapplied"
        _migrations_applied = True
    return "ok"


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


ROUTES: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "/healthz": healthz,
    "/healthz/": healthz,
    "/readyz": readyz,
    "/readyz/": readyz,
}


class HealthCheckMiddleware:
    """Answer the health paths before any other middleware runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = ROUTES.get(request.path_info)
        if view is None:
            return self.get_response(request)
        return view(request)
