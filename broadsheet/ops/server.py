"""gunicorn, embedded: the application ``broadsheet serve`` runs.

Sizing: the site is CPU-bound Python (about 6 ms of CPU per uncached article view), so one
sync worker per core is the fastest shape; on the 2-core reference machine 2 sync workers
served about 10% more than 4 (docs/research figures in bench/README.md). gthread workers
(``--threads``) help only when requests wait on a slow database or network.
"""

import os
from typing import Any

from django.core.wsgi import get_wsgi_application
from gunicorn import glogging
from gunicorn.app.base import BaseApplication

from broadsheet.ops.logging import JsonFormatter

MIN_WORKERS = 2
MAX_WORKERS = 16

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

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return get_wsgi_application()


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
        # Django is already loaded in this process; workers fork with it (less memory, fast
        # restarts). Connections are closed before forking, see the serve command.
        "preload_app": True,
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
