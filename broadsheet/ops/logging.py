"""Structured logs: one JSON object per line (``BROADSHEET_LOG_FORMAT=json``).

Log shippers (journald, Vector, Loki, CloudWatch…) read each line as one event. Fields:
``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, ``process``; ``exception`` with the
traceback when there is one; ``status_code``, ``method`` and ``path`` for Django's request
errors; anything passed through ``extra=`` that is JSON-serialisable.
"""

import json
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the gunicorn master imports this module and must not import Django
    from django.http import HttpRequest

# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD = frozenset(
    logging.LogRecord("", 0, "", 0, "", (), None).__dict__.keys() | {"message", "asctime"}
)


class JsonFormatter(logging.Formatter):
    """Format each record as a single line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        event: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            event["method"] = request.method
            event["path"] = request.path
        for key, value in record.__dict__.items():
            if key not in _STANDARD and key not in ("request", "server_time"):
                event[key] = _jsonable(value)
        if record.exc_info:
            event["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        return json.dumps(event, ensure_ascii=False, default=str)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)
    return value


# Set on a request whose failure is already in the log (once per outage, or a planned 503),
# so that Django's request logger does not add a line or a traceback for it.
ALREADY_LOGGED = "broadsheet_already_logged"


def already_logged(request: "HttpRequest") -> None:
    """Tell Django's request logger (``django.request``) to stay quiet about ``request``."""
    setattr(request, ALREADY_LOGGED, True)


class SkipAlreadyLogged(logging.Filter):
    """On ``django.request``: drop records of requests marked by :func:`already_logged`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(getattr(record, "request", None), ALREADY_LOGGED, False)
