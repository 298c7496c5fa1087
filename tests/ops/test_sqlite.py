"""The demo's SQLite file takes writers from several threads at once: they wait, never fail.

Each thread has its own real Django connection to a file database opened with the options the
settings give SQLite (``broadsheet.settings.services.sqlite_options``), as runserver's request
threads and the demo's scheduler have.
"""

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import OperationalError, connections, transaction

from broadsheet.settings.services import sqlite_options

ALIAS = "concurrent_sqlite_file"
THREADS = 2
WRITES_PER_THREAD = 25


@contextmanager
def file_database(path: Path, django_db_blocker) -> Iterator[None]:
    """Make ``ALIAS`` a SQLite file at ``path`` for every thread, then forget it again."""
    raw = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": sqlite_options()}
    configured = connections.configure_settings({"default": raw, ALIAS: raw})
    connections.settings[ALIAS] = configured[ALIAS]
    try:
        with django_db_blocker.unblock():
            yield
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        del connections.settings[ALIAS]


def write_in_turn(start: threading.Barrier, errors: list[Exception], thread: int) -> None:
    """Read, then write, in one transaction each time: what a save in the admin does."""
    try:
        start.wait()
        for n in range(WRITES_PER_THREAD):
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM note")
                (seen,) = cursor.fetchone()
                cursor.execute(
                    "INSERT INTO note (thread, n, seen) VALUES (%s, %s, %s)", [thread, n, seen]
                )
    except Exception as error:  # handed to the test's thread, which reports it
        errors.append(error)
    finally:
        connections[ALIAS].close()


@pytest.fixture
def notes_database(tmp_path, django_db_blocker):
    with file_database(tmp_path / "demo.sqlite3", django_db_blocker):
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE note (thread INTEGER, n INTEGER, seen INTEGER)")
        connections[ALIAS].close()
        yield


def test_concurrent_writers_wait_for_each_other_instead_of_failing(notes_database):
    start = threading.Barrier(THREADS)
    errors: list[Exception] = []
    threads = [
        threading.Thread(target=write_in_turn, args=(start, errors, i)) for i in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not [e for e in errors if isinstance(e, OperationalError)], errors
    assert not errors
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COUNT(DISTINCT seen) FROM note")
        # Every write landed, and each saw the ones before it: the transactions did not overlap.
        assert cursor.fetchone() == (THREADS * WRITES_PER_THREAD, THREADS * WRITES_PER_THREAD)


def test_a_file_database_uses_write_ahead_logging(notes_database):
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone() == (1,)  # NORMAL
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone() == (20_000,)


def test_the_settings_give_sqlite_these_options(tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO_"))}
    code = (
        "import json, broadsheet.settings.dev as s; "
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "BROADSHEET_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == sqlite_options()


def test_postgresql_gets_none_of_them():
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO_"))}
    code = (
        "import json, broadsheet.settings.base as s; "
        "print(json.dumps(s.DATABASES['default'].get('OPTIONS', {})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "BROADSHEET_DATABASE_URL": "postgres://broadsheet@127.0.0.1:5432/x"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "transaction_mode" not in json.loads(result.stdout)
