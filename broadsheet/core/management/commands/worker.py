"""``broadsheet worker``: run queued tasks and publish scheduled pages every minute."""

import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from broadsheet.core import scheduling
from broadsheet.core.worker import TaskWorker, reclaim_abandoned

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


class Command(BaseCommand):
    help = "Run queued background tasks and publish scheduled pages every minute."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Publish what is due and run every queued task, then exit (for cron or tests).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=scheduling.INTERVAL_SECONDS,
            help="Seconds between scheduled-publishing runs (default 60).",
        )

    def handle(self, *args, once: bool, interval: float, **options) -> None:
        queued = settings.TASKS["default"]["BACKEND"] == DATABASE_BACKEND
        if once:
            for job in scheduling.every_minute():
                job()
            if queued:
                reclaim_abandoned(older_than=settings.TASKS_RECLAIM_AFTER)
                TaskWorker(interval=0, batch=True).run()
            return
        self.stdout.write(
            f"Publishing scheduled pages every {interval:g} s"
            + ("; running queued tasks." if queued else "; tasks run inline (immediate backend).")
        )
        if not queued:
            stop = threading.Event()
            try:
                scheduling.run_every(interval, stop, scheduling.every_minute())
            except KeyboardInterrupt:
                stop.set()
            return
        # Poll often: cache purges ride this queue and readers wait for them.
        worker = TaskWorker(interval=settings.TASKS_POLL_INTERVAL)

        def reclaim() -> None:
            reclaim_abandoned(older_than=settings.TASKS_RECLAIM_AFTER, worker_id=worker.worker_id)

        stop = scheduling.start_in_background(interval, [*scheduling.every_minute(), reclaim])
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
