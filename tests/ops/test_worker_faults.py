"""``broadsheet worker`` through database restarts, killed connections and its own death.

Runs the worker as a subprocess on a PostgreSQL database of its own (created and dropped like
the e2e stack's), reaching it through a TCP proxy the test cuts and restores: a restart as the
worker sees one, without touching the shared server. Needs PostgreSQL on 127.0.0.1:5432 and
Redis on 127.0.0.1:6379 whatever database the rest of the suite uses.

Every wait is bounded and generous (``WITHIN``): the tests assert that the worker recovers,
not how fast.
"""

import json
import os
import subprocess
import sys
import time

import psycopg
import pytest

from tests.e2e.proxy import TcpProxy
from tests.e2e.stack import POSTGRES_ADMIN, REPO, Stack, until

WITHIN = 60.0
OUTAGE = 5.0  # how long the database is "restarting"
RECLAIM_AFTER = 8  # seconds; longer than the naps below

ENQUEUE = """
from wagtail.models import Site
from broadsheet.articles.actions import recompute_reading_times_task
from tests.core.tasks import nap
if {seconds!r} is None:
    result = recompute_reading_times_task.enqueue(Site.objects.get(is_default_site=True).pk)
else:
    result = nap.enqueue({seconds!r})
print(result.id)
"""

SCHEDULE = """
import datetime
from django.utils import timezone
from broadsheet.articles.models import SectionPage
from tests import factories
article = factories.make_article(
    SectionPage.objects.get(), title="Harbour dues rise in spring", publish=False,
    go_live_at=timezone.now() + datetime.timedelta(seconds=3),
)
article.get_latest_revision().publish()  # with a future go-live time: scheduled
print(article.pk)
"""


@pytest.fixture(scope="module")
def newsroom():
    proxy = TcpProxy().restore()
    stack = Stack(
        name=f"broadsheet_worker_{os.getpid()}",
        app_servers=0,
        with_worker=False,
        extra_env={
            "BROADSHEET_TASKS_RECLAIM_AFTER": str(RECLAIM_AFTER),
            "BROADSHEET_PURGE_URL": "",  # no Varnish here: nothing to purge
        },
    )
    try:
        stack.start()
        console = stack.console()
        console("build", host="127.0.0.1", port=80, articles=1)
        console.close()
        # From here on the worker reaches the database through the proxy; the test's own
        # shell commands and queries go straight to it.
        stack.extra_env["BROADSHEET_DATABASE_URL"] = (
            f"postgres://postgres@{proxy.address}/{stack.name}"
        )
        stack.proxy = proxy
        start_worker(stack)
        yield stack
    finally:
        stack.stop()
        proxy.close()


def start_worker(stack: Stack) -> None:
    # Scheduled publishing and reclaiming every second, so the tests need not wait a minute.
    stack.spawn("worker", [sys.executable, "-m", "broadsheet.cli", "worker", "--interval", "1"])


def shell(stack: Stack, code: str) -> str:
    """Run ``code`` in a Django shell straight on the stack's database; its last output line.

    Past the proxy, so it works while the worker is cut off: the newsroom carries on.
    """
    result = subprocess.run(
        [sys.executable, "-m", "broadsheet.cli", "shell", "-c", code],
        env={**stack.env, "BROADSHEET_DATABASE_URL": stack.database_url},
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()[-1]


def enqueue(stack: Stack, nap_seconds: float | None = None) -> str:
    """Queue a task as the site does; its id. A reading-time update, or a nap of a few s."""
    return shell(stack, ENQUEUE.format(seconds=nap_seconds))


def database(stack: Stack) -> psycopg.Connection:
    """A connection of the test's own, straight to PostgreSQL, past the proxy."""
    return psycopg.connect(f"{POSTGRES_ADMIN}/{stack.name}", autocommit=True)


def task_row(stack: Stack, task_id: str) -> dict:
    with database(stack) as conn:
        status, worker_ids, started_at = conn.execute(
            "SELECT status, worker_ids, started_at FROM django_tasks_database_dbtaskresult"
            " WHERE id = %s",
            [task_id],
        ).fetchone()
    ids = worker_ids if isinstance(worker_ids, list) else json.loads(worker_ids)
    return {"status": status, "worker_ids": ids, "started_at": started_at}


def until_finished(stack: Stack, task_id: str) -> dict:
    def finished() -> dict | None:
        row = task_row(stack, task_id)
        return row if row["status"] in {"SUCCESSFUL", "FAILED"} else None

    return until(finished, f"task {task_id} finished", WITHIN)


def assert_worker_alive(stack: Stack) -> None:
    worker = stack.processes["worker"]
    assert worker.poll() is None, stack.log("worker")[-3000:]


def kill_connections(stack: Stack) -> int:
    with database(stack) as conn:
        return len(
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [stack.name],
            ).fetchall()
        )


def log_lines(stack: Stack, since: int) -> list[str]:
    return [line for line in stack.log("worker")[since:].splitlines() if line.strip()]


def test_the_worker_runs_tasks_after_its_connections_are_killed(newsroom):
    until_finished(newsroom, enqueue(newsroom))  # it works to begin with
    until(lambda: kill_connections(newsroom), "the worker's connections killed", WITHIN)

    task_id = enqueue(newsroom)

    assert until_finished(newsroom, task_id)["status"] == "SUCCESSFUL"
    assert_worker_alive(newsroom)


def test_the_worker_carries_on_after_a_database_restart(newsroom):
    logged_from = len(newsroom.log("worker"))

    newsroom.proxy.cut()
    task_id = enqueue(newsroom)  # while the worker cannot reach the database
    time.sleep(OUTAGE)
    newsroom.proxy.restore()

    assert until_finished(newsroom, task_id)["status"] == "SUCCESSFUL"
    assert_worker_alive(newsroom)
    lines = log_lines(newsroom, logged_from)
    # Both of its threads lost the database; the outage is logged once, and its end.
    assert sum("is unreachable" in line for line in lines) == 1, lines
    assert sum("answers again" in line for line in lines) == 1, lines
    assert not [line for line in lines if "Traceback" in line], lines


def test_a_task_running_when_the_database_goes_away_is_run_again(newsroom):
    task_id = enqueue(newsroom, nap_seconds=2)
    until(lambda: task_row(newsroom, task_id)["status"] == "RUNNING", "the nap started", WITHIN)

    newsroom.proxy.cut()  # the nap ends meanwhile; its outcome cannot be recorded
    time.sleep(OUTAGE)
    newsroom.proxy.restore()

    row = until_finished(newsroom, task_id)
    assert row["status"] == "SUCCESSFUL"
    assert len(row["worker_ids"]) == 2  # claimed, given back, claimed again
    assert_worker_alive(newsroom)


def test_a_task_left_running_by_a_dead_worker_is_reclaimed_and_run(newsroom):
    task_id = enqueue(newsroom, nap_seconds=3)
    until(lambda: task_row(newsroom, task_id)["status"] == "RUNNING", "the nap started", WITHIN)
    newsroom.kill("worker")  # SIGKILL, mid-nap: nobody will ever finish it
    dead = task_row(newsroom, task_id)
    assert dead["status"] == "RUNNING"
    logged_from = len(newsroom.log("worker"))

    start_worker(newsroom)

    row = until_finished(newsroom, task_id)
    assert row["status"] == "SUCCESSFUL"
    assert len(row["worker_ids"]) == 2
    assert row["worker_ids"][0] == dead["worker_ids"][0] != row["worker_ids"][1]
    assert any("queued again" in line for line in log_lines(newsroom, logged_from))


def test_scheduled_publishing_happens_after_the_outage(newsroom):
    newsroom.proxy.cut()
    article_id = int(shell(newsroom, SCHEDULE))  # falls due while the worker is cut off

    def live() -> bool:
        with database(newsroom) as conn:
            query = "SELECT live FROM wagtailcore_page WHERE id = %s"
            return conn.execute(query, [article_id]).fetchone()[0]

    assert not live()  # scheduled, not published at once
    time.sleep(OUTAGE)
    newsroom.proxy.restore()

    until(live, "the scheduled article published", WITHIN)
    assert_worker_alive(newsroom)
