"""Telling a database that cannot be reached from a bug, and logging each outage once.

Terms:

* **unreachable**: a database error of the kinds a lost server raises (``OperationalError``,
  ``InterfaceError``: refused, reset, timed out, closed by a restart, too many clients) while
  the connection it came from can no longer be used. The same error classes on a connection
  that still answers (a deadlock, a lock timeout, SQLite's "no such table") are not an outage:
  retrying will not help a missing table, and an app server must not dress a bug up as "try
  again later".
* **outage**: from the first failure a process notices until a new connection to the same
  database opens. Each process keeps the state of each database alias (:class:`DatabaseOutage`, a
  ``core.outages.Outage``) and
  logs one warning when an outage begins and one when it ends, whatever the number of
  requests, probes or worker polls in between.

The end is noticed through Django's ``connection_created`` signal (connected in
``CoreConfig.ready``): a broken connection is closed, so the first request, probe or poll that
reaches the database again opens a new one.
"""

import logging
import threading
from collections.abc import Iterator

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.db.backends.base.base import BaseDatabaseWrapper

from broadsheet.core.outages import Outage

logger = logging.getLogger("broadsheet.database")

#: What a lost database raises through Django.
UNAVAILABLE = (OperationalError, InterfaceError)


def _name(alias: str) -> str:
    """Where the database is, without credentials (it goes into the logs)."""
    settings = connections.settings[alias]
    where = ":".join(str(part) for part in (settings["HOST"], settings["PORT"]) if part)
    return f"{alias} ({where}/{settings['NAME']})" if where else alias


def _reason(error: BaseException) -> str:
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
    return f"{type(error).__name__}: {first_line}"


class DatabaseOutage(Outage):
    """One database alias; :meth:`failed` takes the error itself."""

    def __init__(self, alias: str) -> None:
        super().__init__(
            alias,
            logger=logger,
            down="The database %(name)s is unreachable (%(error)s); waiting for it to answer",
            back="The database %(name)s answers again after %(seconds).0f s",
        )
        self.alias = alias

    def label(self) -> str:
        # Read when logging only: Django also connects under aliases of its own
        # (``__no_db__`` while it creates a test database) that have no settings entry.
        return _name(self.alias)

    def failed(self, error: BaseException) -> float:  # type: ignore[override]
        return super().failed(_reason(error))


_outages: dict[str, DatabaseOutage] = {}
_outages_lock = threading.Lock()


def outage(alias: str = DEFAULT_DB_ALIAS) -> DatabaseOutage:
    with _outages_lock:
        if alias not in _outages:
            _outages[alias] = DatabaseOutage(alias)
        return _outages[alias]


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
