"""Tasks a worker lost are run again, a bounded number of times (``broadsheet/core/worker.py``).

In-process on the suite's database, with the database task backend; the worker's survival of
real database restarts is in ``tests/ops/test_worker_faults.py``.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from broadsheet.core.worker import MAX_ATTEMPTS, reclaim_abandoned
from tests.core.tasks import deadlocked, nap

pytestmark = pytest.mark.django_db

RECLAIM_AFTER = 600
# The worker's loop closes its connection between polls, as in production: outside the
# test's own transaction (on PostgreSQL, closing inside it would break the transaction).
runs_the_worker = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_RECLAIM_AFTER = RECLAIM_AFTER


def left_running(*, seconds_ago: float, worker_ids: list[str]) -> DBTaskResult:
    """A nap some worker claimed ``seconds_ago`` and never finished."""
    result = nap.enqueue(0)
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING",
        started_at=timezone.now() - timedelta(seconds=seconds_ago),
        worker_ids=worker_ids,
    )
    return DBTaskResult.objects.get(pk=result.id)


@runs_the_worker
def test_a_task_running_past_the_reclaim_time_is_run_again():
    task = left_running(seconds_ago=RECLAIM_AFTER * 2, worker_ids=["lost-worker"])

    call_command("worker", once=True)

    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
    assert len(task.worker_ids) == 2
    assert task.worker_ids[0] == "lost-worker"


def test_a_task_within_the_reclaim_time_is_left_running():
    task = left_running(seconds_ago=RECLAIM_AFTER / 2, worker_ids=["busy-worker"])

    assert reclaim_abandoned(older_than=RECLAIM_AFTER) == 0
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_the_reclaiming_worker_leaves_its_own_long_task_alone():
    task = left_running(seconds_ago=RECLAIM_AFTER * 2, worker_ids=["other", "this-worker"])

    assert reclaim_abandoned(older_than=RECLAIM_AFTER, worker_id="this-worker") == 0
    task.refresh_from_db()
    assert task.status == "RUNNING"


def test_a_task_lost_at_its_last_attempt_is_failed_not_run_again():
    lost = [f"worker-{n}" for n in range(MAX_ATTEMPTS)]
    task = left_running(seconds_ago=RECLAIM_AFTER * 2, worker_ids=lost)

    assert reclaim_abandoned(older_than=RECLAIM_AFTER) == 1

    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "broadsheet.core.worker.TaskAbandoned"
    assert f"{MAX_ATTEMPTS} attempts" in task.traceback


@runs_the_worker
def test_a_task_failing_with_a_database_error_is_queued_again_a_little_later():
    result = deadlocked.enqueue()

    call_command("worker", once=True)

    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "READY"
    assert task.run_after > timezone.now()
    assert len(task.worker_ids) == 1


@runs_the_worker
def test_a_task_failing_with_any_other_error_stays_failed():
    result = nap.enqueue("not a number")

    call_command("worker", once=True)

    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "FAILED"
    assert task.exception_class_path == "builtins.TypeError"
