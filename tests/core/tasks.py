"""Tasks for the worker tests: one that takes a while, one that meets a database error.

Run by ``broadsheet worker`` subprocesses too, imported from the task's stored path
(``tests.core.tasks.nap``); the repository is on their ``PYTHONPATH``.
"""

import time

from django.db import OperationalError
from django.tasks import task


@task()
def nap(seconds: float) -> float:
    """Sleep ``seconds``, so a worker can be lost mid-way; safe to run any number of times."""
    time.sleep(seconds)
    return seconds


@task()
def deadlocked() -> None:
    """Fail as a task does whose transaction PostgreSQL chose to break a deadlock."""
    raise OperationalError("deadlock detected")
