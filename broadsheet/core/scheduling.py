"""Publishing scheduled pages on time, without cron.

Wagtail publishes pages whose go-live time has passed only when its ``publish_scheduled``
command runs. A newsroom needs that every minute, so both ``broadsheet worker`` and
``broadsheet demo`` run it from a loop.
"""

import io
import logging
import threading

from django.core.management import call_command
from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 60


def publish_due_pages() -> None:
    """Publish pages that are due and unpublish expired ones (Wagtail's publish_scheduled)."""
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out)
    for line in out.getvalue().splitlines():
        logger.info("publish_scheduled: %s", line)


def run_every(interval: float, stop: threading.Event) -> None:
    """Call :func:`publish_due_pages` now and then every ``interval`` seconds until ``stop``."""
    while not stop.is_set():
        close_old_connections()
        try:
            publish_due_pages()
        except Exception:
            # One bad page must not stop scheduled publishing for the rest of the site.
            logger.exception("Scheduled publishing failed; trying again in %s s", interval)
        finally:
            connections.close_all()
        stop.wait(interval)


def start_in_background(interval: float = INTERVAL_SECONDS) -> threading.Event:
    """Run the publishing loop in a daemon thread; set the returned event to stop it."""
    stop = threading.Event()
    thread = threading.Thread(
        target=run_every, args=(interval, stop), name="broadsheet-scheduler", daemon=True
    )
    thread.start()
    return stop
