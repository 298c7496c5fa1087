"""``broadsheet serve``: run the site under gunicorn with production settings.

Settings default to ``broadsheet.settings.production`` (``broadsheet.cli`` chooses them for
this command unless ``DJANGO_SETTINGS_MODULE`` is set). Put it behind Varnish or nginx; see
docs/operations.md.

The command only reads its options: it then execs gunicorn's master, which runs without
Django so that a reload (SIGHUP) starts workers on the code on disk (``broadsheet.ops.server``).
SIGTERM drains first (``--drain-seconds``), see ``broadsheet.ops.arbiter``.
"""

from django.conf import settings
from django.core.cache import close_caches
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

from broadsheet.ops import server
from broadsheet.settings import env


class Command(BaseCommand):
    help = "Serve the site with gunicorn (production settings unless DJANGO_SETTINGS_MODULE)."
    requires_system_checks = []  # `broadsheet check --deploy` is the deploy-time gate

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=env.get("BIND", "127.0.0.1:8000"),
            help="HOST:PORT or unix:PATH (default BROADSHEET_BIND or 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(env.get("WEB_WORKERS", "0")) or server.default_workers(),
            help="Worker processes (default BROADSHEET_WEB_WORKERS or one per core, min 2).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=int(env.get("WEB_THREADS", "1")),
            help="Threads per worker; above 1 uses gthread workers (default 1: sync).",
        )
        parser.add_argument("--timeout", type=int, default=30, help="Worker timeout (s).")
        parser.add_argument("--pid", default=None, help="Write the master's PID to this file.")
        parser.add_argument(
            "--drain-seconds",
            type=float,
            default=float(env.get("DRAIN_SECONDS", str(server.DRAIN_SECONDS))),
            help="On SIGTERM, fail /readyz and keep serving this long before stopping "
            f"(default BROADSHEET_DRAIN_SECONDS or {server.DRAIN_SECONDS:.0f}; 0: stop at once).",
        )
        parser.add_argument(
            "--access-log",
            action="store_true",
            default=env.get_bool("ACCESS_LOG"),
            help="Log every request to stderr (default BROADSHEET_ACCESS_LOG, off).",
        )

    def handle(self, *args, **options) -> None:
        # Nothing opened here may be inherited by the master and its workers.
        connections.close_all()
        close_caches()
        server.exec_master(
            bind=options["bind"],
            workers=options["workers"],
            threads=options["threads"],
            timeout=options["timeout"],
            pidfile=options["pid"],
            access_log=options["access_log"],
            json_logs=getattr(settings, "BROADSHEET_LOG_FORMAT", "text") == "json",
            drain_seconds=options["drain_seconds"],
        )
