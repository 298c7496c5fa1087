"""Publishing scheduled pages on time, without cron.

Wagtail publishes pages whose go-live time has passed only when its ``publish_scheduled``
command runs. A newsroom needs that every minute, so both ``broadsheet worker`` and
``broadsheet demo`` run it from a loop.
"""

import io
import logging
import threading
from collections.abc import Callable, Sequence

from django.core.management import call_command
from django.db import close_old_connections, connections

from broadsheet.core import database

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 60
_REGISTERED: list[Callable[[], object]] = []


def register(job: Callable[[], object]) -> None:
    """Have the worker run ``job`` every minute too (an app above core calls it in ready())."""
    if job not in _REGISTERED:
        _REGISTERED.append(job)


def every_minute() -> list[Callable[[], object]]:
    """What ``broadsheet worker`` runs every minute: publishing, then each registered job."""
    return [publish_due_pages, *_REGISTERED]


def publish_due_pages() -> None:
    """Publish pages that are due and unpublish expired ones (Wagtail's publish_scheduled)."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    for line in out.getvalue().splitlines():
        logger.info("publish_scheduled: %s", line)


def run_every(
    interval: float,
    stop: threading.Event,
    jobs: Sequence[Callable[[], object]] = (publish_due_pages,),
) -> None:
    """Call each of ``jobs`` now and then every ``interval`` seconds until ``stop`` is set.

    A job that fails is tried again next time; the others run regardless. While the database
    is unreachable that is logged once per outage (``broadsheet.core.database``), not once
    a minute; pages that fell due meanwhile are published on the first run after it answers.
    """
    while not stop.is_set():
        for job in jobs:
            _run_once(job, interval)
        stop.wait(interval)


def _run_once(job: Callable[[], object], interval: float) -> None:
    try:
        close_old_connections()
        job()
    except Exception as error:
        # One bad page must not stop scheduled publishing for the rest of the site.
        if not database.note_if_unreachable(error):
            logger.exception("%s failed; trying again in %s s", job.__name__, interval)
    finally:
        try:
            connections.close_all()
        except database.UNAVAILABLE:
            pass  # a broken connection is closed all the same


def start_in_background(
    interval: float = INTERVAL_SECONDS, jobs: Sequence[Callable[[], object]] = (publish_due_pages,)
) -> threading.Event:
    """Run :func:`run_every` in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(
        target=run_every, args=(interval, stop, jobs), name="broadsheet-scheduler", daemon=True
    )
    thread.start()
    return stop
