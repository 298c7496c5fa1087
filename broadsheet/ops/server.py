"""gunicorn, embedded: the application ``broadsheet serve`` runs.

Sizing: the site is CPU-bound Python (about 6 ms of CPU per uncached article view), so one
sync worker per core is the fastest shape; on the 2-core reference machine 2 sync workers
served about 10% more than 4 (docs/research figures in bench/README.md). gthread workers
(``--threads``) help only when requests wait on a slow database or network.

Processes: the ``serve`` command reads its options with Django's settings loaded, then execs
into ``python -m broadsheet.ops.master`` (:func:`exec_master`; same PID, so systemd and the
pidfile follow it). That master never imports Django or the site, and each worker imports them
itself (``preload_app`` off), so workers started by a reload run the code on disk. Preloading
saved memory and start-up time; bench/restart.py measures what it cost (docs/operations.md,
"Upgrade", has the figures).
"""

import json
import os
import sys
from typing import Any

from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from broadsheet.ops.arbiter import ServingArbiter, report_ready
from broadsheet.ops.logging import JsonFormatter

MIN_WORKERS = 2
MAX_WORKERS = 16

# Seconds a stopping server keeps serving after /readyz starts failing. Varnish's probe in
# deploy/varnish/backends.vcl (every 2 s, healthy while 3 of the last 5 succeed) marks a server
# sick after 5 - 3 + 1 = 3 failed probes, at most 6 s; 4 s more cover a probe in flight and
# requests already sent to the server. Change it with the probe (BROADSHEET_DRAIN_SECONDS).
DRAIN_SECONDS = 10.0

# gunicorn access-log atoms -> JSON field names.
ACCESS_FIELDS = {"h": "remote", "m": "method", "U": "path", "q": "query", "s": "status"}


def default_workers(cores: int | None = None) -> int:
    """One sync worker per available core, at least 2 (a restart never empties the pool)."""
    cores = cores or os.process_cpu_count() or 1
    return max(MIN_WORKERS, min(cores, MAX_WORKERS))


class AccessJsonFormatter(JsonFormatter):
    """gunicorn's access lines as JSON: method, path, status, bytes and duration as fields."""

    def format(self, record) -> str:
        if isinstance(record.args, dict):
            atoms = record.args
            for atom, field in ACCESS_FIELDS.items():
                setattr(record, field, atoms.get(atom))
            record.bytes = atoms.get("B")
            record.duration_ms = round(int(atoms.get("D", 0)) / 1000, 2)
            record.msg, record.args = "request", ()
        return super().format(record)


class GunicornLogger(glogging.Logger):
    """gunicorn's logger; in JSON mode its error and access lines are JSON too."""

    json_lines = False

    def setup(self, cfg) -> None:
        super().setup(cfg)
        if self.json_lines:
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonFormatter())
            for handler in self.access_log.handlers:
                handler.setFormatter(AccessJsonFormatter())


class BroadsheetServer(BaseApplication):
    """A gunicorn application serving Django's WSGI handler with the given settings."""

    def __init__(self, options: dict[str, Any], *, drain_seconds: float = 0.0) -> None:
        self.options = options
        self.drain_seconds = drain_seconds
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        """Import and warm the site, in a worker: the master must never import it."""
        # Imported here, not at the top, so that the master process stays free of Django and
        # every worker it forks loads the code as it is on disk when the worker starts.
        from django.core.wsgi import get_wsgi_application
        from django.urls import get_resolver

        application = get_wsgi_application()
        # The URLconf imports every view; without this the first request to each new worker
        # would pay for it, and a worker counts as ready (arbiter.report_ready) only after it.
        get_resolver().url_patterns  # noqa: B018
        return application

    def run(self) -> None:
        arbiter = ServingArbiter(self)
        arbiter.drain_seconds = self.drain_seconds
        try:
            arbiter.run()
        except RuntimeError as error:  # as gunicorn's own run(): a message, not a traceback
            print(f"\nError: {error}\n", file=sys.stderr)
            sys.exit(1)


def exec_master(**serve_options: Any) -> None:
    """Become gunicorn's master (``python -m broadsheet.ops.master``), keeping this PID.

    ``serve_options`` are :func:`gunicorn_options`' arguments plus ``drain_seconds``.
    """
    sys.stdout.flush()
    sys.stderr.flush()
    command = [sys.executable, "-m", "broadsheet.ops.master", json.dumps(serve_options)]
    os.execv(sys.executable, command)  # noqa: S606 (our own interpreter, fixed arguments)


def run_master(*, drain_seconds: float, **options: Any) -> None:
    """Run gunicorn's master in this process; ``options`` as for :func:`gunicorn_options`."""
    BroadsheetServer(gunicorn_options(**options), drain_seconds=drain_seconds).run()


def gunicorn_options(
    *,
    bind: str,
    workers: int,
    threads: int,
    timeout: int,
    pidfile: str | None,
    access_log: bool,
    json_logs: bool,
) -> dict[str, Any]:
    """The gunicorn settings for ``broadsheet serve``."""
    GunicornLogger.json_lines = json_logs
    return {
        "bind": [bind],
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread" if threads > 1 else "sync",
        "timeout": timeout,
        "graceful_timeout": timeout,
        # Each worker imports the site itself, so a reload (SIGHUP) runs new code; the master
        # retires an old worker only once a new one has loaded (report_ready, see arbiter.py).
        "preload_app": False,
        "post_worker_init": report_ready,
        "pidfile": pidfile,
        "accesslog": "-" if access_log else None,
        "errorlog": "-",
        "logger_class": f"{__name__}.GunicornLogger",
        "proc_name": "broadsheet",
        "worker_tmp_dir": "/dev/shm" if os.path.isdir("/dev/shm") else None,  # noqa: S108
        # Behind Varnish or nginx on the same host; they set X-Forwarded-Proto.
        "forwarded_allow_ips": "127.0.0.1,::1",
        # Managed by PID and signals (systemd, deploy scripts), not by gunicornctl.
        "control_socket_disable": True,
    }
