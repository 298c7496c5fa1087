"""django_tasks_db's worker, made to outlive the database and to give lost tasks back.

Upstream's ``Worker`` raises out of its loop, and its process exits, on the first database
error that is not SQLite's "database is locked": a PostgreSQL restart or failover stops the
queue until someone restarts the worker. :class:`TaskWorker` keeps upstream's loop, claiming
and signal handling, and wraps them:

* **Reconnect.** When the loop raises a database error, the worker logs the outage once
  (``broadsheet.core.database``), closes its connection and tries again after 0.5 s, 1 s,
  2 s… (at most :data:`MAX_BACKOFF` seconds) until the database answers, then carries on.
* **Give back what it held.** A task whose outcome could not be recorded because the
  database went away is put back in the queue once it answers; so is a task that itself
  failed with a database error (lost connection, deadlock, lock timeout), after
  :data:`RETRY_DELAY` seconds.
* **Reclaim.** A task left ``RUNNING`` by a worker that died (killed, out of memory, its host
  lost) is put back by :func:`reclaim_abandoned` once it has run longer than
  ``TASKS_RECLAIM_AFTER`` seconds; ``broadsheet worker`` calls it every minute.

Every claim appends the worker's id to the task's ``worker_ids``, so their number is the
number of attempts. A task is attempted at most :data:`MAX_ATTEMPTS` times; then it is marked
failed with :class:`TaskAbandoned` (its traceback says why) and logged as an error, so a task
that kills its worker every time cannot keep the queue busy forever.

Putting a task back means running it again: tasks are run at least once, not exactly once
(docs/operations.md lists what a second run does for each of ours).
"""

import logging
import os
import socket
import time
from datetime import timedelta
from traceback import format_exception

from django.db import connections, transaction
from django.tasks.base import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME, TaskResultStatus
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from broadsheet.core import database

logger = logging.getLogger("broadsheet.tasks")

MAX_ATTEMPTS = 3
#: Seconds before a task that failed with a database error runs again.
RETRY_DELAY = 10.0
#: Longest pause, in seconds, between tries to reach the database again.
MAX_BACKOFF = 5.0
#: What ``exception_class_path`` says for a task that failed with a database error.
DATABASE_ERRORS = {f"{cls.__module__}.{cls.__qualname__}" for cls in database.UNAVAILABLE}


class TaskAbandoned(Exception):
    """Recorded on a task given up after :data:`MAX_ATTEMPTS` attempts."""


class TaskWorker(Worker):
    """Upstream's worker on the default queue, reconnecting instead of exiting."""

    def __init__(self, *, interval: float, batch: bool = False) -> None:
        super().__init__(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=new_worker_id(),
            excluded_queue_names=[],
        )
        self.in_hand: DBTaskResult | None = None

    def run(self) -> None:
        while self.running:
            try:
                if self.in_hand is not None:
                    give_back(self.in_hand, reason="the database went away while it ran")
                    self.in_hand = None
                super().run()
                return
            except database.UNAVAILABLE as error:
                if self.batch:  # `worker --once` (cron, tests): fail, do not wait
                    raise
                if not database.note_if_unreachable(error):
                    logger.exception("The task loop failed; starting it again in 1 s")
                    time.sleep(1)
            wait_for_database()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        # Raises when the outcome cannot be recorded; run() then gives the task back.
        self.in_hand = db_task_result
        super().run_task(db_task_result)
        self.in_hand = None
        if (
            db_task_result.status == TaskResultStatus.FAILED
            and db_task_result.exception_class_path in DATABASE_ERRORS
        ):
            reason = "it failed with a database error"
            give_back(
                db_task_result, reason=reason, found=TaskResultStatus.FAILED, delay=RETRY_DELAY
            )


def new_worker_id() -> str:
    """Readable in a task's ``worker_ids`` and the logs: host, process, a random part."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"


def wait_for_database() -> None:
    """Return once the default database answers, trying with a growing pause in between."""
    pause = 0.5
    while True:
        try:
            connections.close_all()
        except database.UNAVAILABLE:
            pass  # closing a broken connection may complain; it is closed all the same
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT 1")
            return
        except database.UNAVAILABLE as error:
            database.outage().failed(error)
        time.sleep(pause)
        pause = min(pause * 2, MAX_BACKOFF)


def reclaim_abandoned(*, older_than: float, worker_id: str = "") -> int:
    """Give back tasks ``RUNNING`` for over ``older_than`` seconds; how many were.

    ``worker_id``: the caller's own worker, whose task in progress is left alone however
    long it runs.
    """
    cutoff = timezone.now() - timedelta(seconds=older_than)
    with transaction.atomic():
        stuck = (
            DBTaskResult.objects.running()
            .filter(started_at__lt=cutoff)
            .select_for_update(skip_locked=True)
        )
        abandoned = [task for task in stuck if task.worker_ids[-1:] != [worker_id]]
        for task in abandoned:
            give_back(task, reason=f"its worker stopped answering over {older_than:.0f} s ago")
    return len(abandoned)


def give_back(
    task: DBTaskResult,
    *,
    reason: str,
    found: str = TaskResultStatus.RUNNING,
    delay: float = 0.0,
) -> None:
    """Queue ``task`` to run again (after ``delay`` seconds), or fail it after its last try.

    Only if its status is still ``found``: a worker that was merely slow may have finished
    it meanwhile, and its outcome stands.
    """
    attempts = len(task.worker_ids)
    still = DBTaskResult.objects.filter(pk=task.pk, status=found)
    if attempts >= MAX_ATTEMPTS:
        if found != TaskResultStatus.FAILED:  # a failed one keeps its own error
            error = TaskAbandoned(f"Gave up after {attempts} attempts; the last: {reason}.")
            still.update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=f"{__name__}.{TaskAbandoned.__qualname__}",
                traceback="".join(format_exception(error)),
            )
        logger.error(
            "Task %s (%s) given up after %d attempts: %s", task.pk, task.task_path, attempts, reason
        )
        return
    still.update(
        status=TaskResultStatus.READY,
        started_at=None,
        finished_at=None,
        run_after=timezone.now() + timedelta(seconds=delay) if delay else task.run_after,
        exception_class_path="",
        traceback="",
    )
    logger.warning(
        "Task %s (%s) queued again after attempt %d of %d: %s",
        task.pk,
        task.task_path,
        attempts,
        MAX_ATTEMPTS,
        reason,
    )
