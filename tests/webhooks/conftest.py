"""A real receiver on 127.0.0.1 (an HTTP server in a thread), subscriptions, and the
signature check exactly as docs/api.md gives it to receivers."""

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from broadsheet.webhooks import events
from broadsheet.webhooks.models import Subscription
from tests import factories
from tests.caching.recording import serving
from tests.newsletters.conftest import smtp  # noqa: F401 - a real SMTP server, for editions

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class Receiver:
    """Answers each POST with the next planned answer (then the last one, again and again):
    a status code, or ``("sleep", seconds, status)`` to answer late; or as ``decide`` says."""

    url: str = ""
    plan: list = field(default_factory=lambda: [200])
    received: list[Received] = field(default_factory=list)
    #: When set, chooses the status from the body instead of the plan.
    decide: Callable[[bytes], int] | None = None

    def answer(self, body: bytes):
        if self.decide is not None:
            return self.decide(body)
        return self.plan.pop(0) if len(self.plan) > 1 else self.plan[0]


def _handler(receiver: Receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            receiver.received.append(Received(dict(self.headers.items()), body))
            planned = receiver.answer(body)
            if isinstance(planned, tuple):
                _, seconds, planned = planned
                time.sleep(seconds)
            try:
                self.send_response(planned)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the sender stopped waiting

        def log_message(self, *args) -> None:
            pass

    return Handler


@pytest.fixture
def receiver():
    state = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_port}/hooks/broadsheet"
    with serving(server):
        yield state


@pytest.fixture
def subscribe(receiver):
    def make(*chosen: str, url: str | None = None, **fields) -> Subscription:
        return Subscription.objects.create(
            name=fields.pop("name", "Partner app"),
            url=url or receiver.url,
            events=list(chosen or events.EVENTS),
            **fields,
        )

    return make


@pytest.fixture
def newsroom(db, committing):
    with committing():
        factories.name_test_site("The Quayside Post")
        return factories.make_section(factories.make_home(), title="City", slug="city")


def documented_verify():
    """The ``verify`` function of the Python snippet in docs/api.md's Webhooks section."""
    section = DOCS.read_text().split("## Webhooks", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, str(DOCS), "exec"), namespace)  # noqa: S102 - our own documentation
    return namespace["verify"]
