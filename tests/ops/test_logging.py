"""JSON log lines (BROADSHEET_LOG_FORMAT=json)."""

import json
import logging

from broadsheet.ops.logging import JsonFormatter
from broadsheet.ops.server import AccessJsonFormatter


def record(name: str, msg: str, args=(), **extra) -> logging.LogRecord:
    made = logging.getLogger(name).makeRecord(name, logging.WARNING, __file__, 1, msg, args, None)
    for key, value in extra.items():
        setattr(made, key, value)
    return made


def test_each_record_is_one_line_of_json_with_the_usual_fields():
    line = JsonFormatter().format(record("broadsheet.caching", "Purged %d URL(s)", (3,)))

    assert "\n" not in line
    event = json.loads(line)
    assert event["message"] == "Purged 3 URL(s)"
    assert event["level"] == "WARNING"
    assert event["logger"] == "broadsheet.caching"
    assert event["time"].endswith("+00:00")


def test_extra_fields_and_request_errors_become_fields(rf):
    request = rf.post("/comments/post/7/")
    made = record("django.request", "Bad request", status_code=400, request=request, job=object())

    event = json.loads(JsonFormatter().format(made))

    assert event["status_code"] == 400
    assert event["method"] == "POST"
    assert event["path"] == "/comments/post/7/"
    assert event["job"].startswith("<object")


def test_tracebacks_stay_inside_the_line():
    try:
        raise ValueError("the press stopped")
    except ValueError:
        import sys

        made = record("broadsheet", "Failed")
        made.exc_info = sys.exc_info()

    event = json.loads(JsonFormatter().format(made))

    assert "ValueError: the press stopped" in event["exception"]


def test_gunicorn_access_lines_become_request_fields():
    atoms = {"h": "127.0.0.1", "m": "GET", "U": "/city/", "q": "page=2", "s": "200", "B": "5120"}
    made = record("gunicorn.access", '%(h)s "%(m)s %(U)s"', ({**atoms, "D": "6500"},))

    event = json.loads(AccessJsonFormatter().format(made))

    assert event["message"] == "request"
    assert event["method"] == "GET" and event["path"] == "/city/" and event["status"] == "200"
    assert event["duration_ms"] == 6.5
