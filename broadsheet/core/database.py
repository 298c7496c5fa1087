"""Telling a database that cannot be reached from a bug, and logging each outage once.

Terms:

* **unreachable**: a database error of the kinds a lost server raises (``OperationalError``,
  ``InterfaceError``: refused, reset, timed out, closed by a restart, too many clients) while
  the connection it came from can no longer be used. The same error classes on a connection
  that still answers (a deadlock, a lock timeout, SQLite's "no such table") are not an outage:
  retrying will not help a missing table, and an app server must not dress a bug up as "try
  again later".
* **outage**: from the first failure a process notices until a new connection to the same
  database opens. Each process keeps the state of each database alias (:class:`Outage`) and
  logs one warning when an outage begins and one when it ends, whatever the number of
  requests, probes or worker polls in between.

The end is noticed through Django's ``connection_created`` signal (connected in
``CoreConfig.ready``): a broken connection is closed, so the first request, probe or poll that
reaches the database again opens a new one.
"""

import logging
import threading
import time
from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger("broadsheet.database")

#: What a lost database raises through Django.
UNAVAILABLE = (OperationalError, InterfaceError)


class Outage:
    """One database alias as this process last found it: answering, or down since when."""

    def __init__(self, alias: str) -> None:
        self.alias = alias
        self.down_since: float | None = None
        self.lock = threading.Lock()

    @property
    def name(self) -> str:
        """Where the database is, without credentials (it goes into the logs)."""
        settings = connections.settings[self.alias]
        where = ":".join(str(part) for part in (settings["HOST"], settings["PORT"]) if part)
        return f"{self.alias} ({where}/{settings['NAME']})" if where else self.alias

    def failed(self, error: BaseException) -> None:
        with self.lock:
            first = self.down_since is None
            if first:
                self.down_since = time.monotonic()
        if first:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            logger.warning(
                "The database %s is unreachable (%s: %s); waiting for it to answer",
                self.name,
                type(error).__name__,
                reason,
            )

    def answered(self) -> None:
        if self.down_since is None:  # the usual case: no lock taken
            return
        with self.lock:
            since, self.down_since = self.down_since, None
        if since is not None:
            logger.warning(
                "The database %s answers again after %.0f s", self.name, time.monotonic() - since
            )


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def outage(alias: str = DEFAULT_DB_ALIAS) -> Outage:
    with _outages_lock:
        return _outages.setdefault(alias, Outage(alias))


def note_if_unreachable(error: BaseException | None) -> bool:
    """Whether ``error`` means a database cannot be reached; if so the outage is noted.

    ``error`` counts when it, or an exception it was raised from or while handling, is one
    of :data:`UNAVAILABLE` and some open connection of this thread no longer answers.
    """
    if not any(isinstance(link, UNAVAILABLE) for link in _chain(error)):
        return False
    lost = [conn for conn in connections.all(initialized_only=True) if not _usable(conn)]
    for conn in lost:
        outage(conn.alias).failed(error)
    return bool(lost)


def connection_opened(sender: type, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    """``connection_created`` receiver: a database that lets us connect answers again."""
    outage(connection.alias).answered()


def _usable(conn: BaseDatabaseWrapper) -> bool:
    # SQLite's is_usable() is always true; a file it could not open leaves no connection.
    return conn.connection is not None and conn.is_usable()


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__
