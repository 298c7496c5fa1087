"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it accepts, and a newsroom
with a newsletter and articles. All text is our own."""

import asyncio
import email
import threading
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller

from broadsheet.newsletters.models import Newsletter
from tests import factories
from tests.ports import free_port


class Sink:
    """Keeps each accepted message; refuses the recipients in ``refuse`` with their reply;
    waits ``mail_delay`` seconds before answering each MAIL command."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []
        self.raw: list[bytes] = []
        self.refuse: dict[str, str] = {}
        self.mail_delay = 0.0
        self.mail_commands = 0
        self.on_mail = None  # called with the count of MAIL commands seen, before the delay
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        with self.lock:
            self.mail_commands += 1
            count = self.mail_commands
        if self.on_mail:
            self.on_mail(count)
        if self.mail_delay:
            await asyncio.sleep(self.mail_delay)
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        with self.lock:
            self.messages.append(message)
            self.raw.append(envelope.original_content or envelope.content)
        return "250 Message accepted"

    def to(self, address: str) -> list:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]


@pytest.fixture
def smtp(settings):
    sink = Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 30},
        }
    }
    sink.port = port
    yield sink
    controller.stop()


@pytest.fixture
def newsroom(db, author):
    return make_newsroom(author)


def make_newsroom(author) -> dict:
    factories.name_test_site("The Estuary Courier")
    home = factories.make_home()
    section = factories.make_section(home, title="Harbour", slug="harbour")
    newsletter = Newsletter.objects.create(
        name="Morning Tide",
        slug="morning-tide",
        description="The estuary's news before breakfast.",
        sender_name="The Courier",
        sender_email="tide@courier.example",
    )
    return {"home": home, "section": section, "newsletter": newsletter, "author": author}


def article(newsroom, title: str, **fields):
    return factories.make_article(
        newsroom["section"], title=title, authors=[newsroom["author"]], **fields
    )
