"""A send killed with SIGKILL mid-edition, then run again, leaves every subscriber with
exactly one copy.

``broadsheet newsletter send`` runs in a process of its own on a SQLite file, against the
tests' SMTP server, which answers each MAIL command slowly. The process is killed while the
server holds one MAIL command (an outcome the server reports, not a time), so some messages
are accepted, one is in flight and the rest were never offered; the second run finishes.
"""

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.newsletters.conftest import Sink
from tests.ports import free_port

REPO = Path(__file__).resolve().parents[2]
BROADSHEET = str(Path(sys.executable).with_name("broadsheet"))
SUBSCRIBERS = 60
SETUP = f"""
from django.utils import timezone
from broadsheet.demo.builder import ensure_home_page
from broadsheet.newsletters.models import Newsletter, Subscriber, Subscription
from tests import factories
home = ensure_home_page()
section = factories.make_section(home, title="Harbour", slug="harbour")
factories.make_article(section, title="Dredging starts at the north quay")
newsletter = Newsletter.objects.create(name="Morning Tide", slug="morning-tide")
for n in range({SUBSCRIBERS}):
    s = Subscriber.objects.create(email=f"reader{{n}}@reader.example", confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=s, newsletter=newsletter)
"""


@pytest.fixture
def sink():
    from aiosmtpd.controller import Controller

    found = Sink()
    port = free_port()
    controller = Controller(found, hostname="127.0.0.1", port=port)
    controller.start()
    found.port = port
    yield found
    controller.stop()


def broadsheet(database: Path, port: int, *args: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.newsletters.smtp_settings",
        "BROADSHEET_DATABASE_URL": f"sqlite:///{database}",
        "BROADSHEET_NEWSLETTER_BATCH": "10",
        "BROADSHEET_NEWSLETTER_LEASE_SECONDS": "3",
        "NEWSLETTER_TEST_SMTP_PORT": str(port),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.Popen(
        [BROADSHEET, *args],
        cwd=REPO,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_a_send_killed_mid_edition_and_run_again_delivers_each_copy_once(tmp_path, sink):
    database = tmp_path / "killed.sqlite3"
    assert broadsheet(database, sink.port, "migrate", "--no-input").wait() == 0
    assert broadsheet(database, sink.port, "shell", "-c", SETUP).wait() == 0
    held = threading.Event()
    sink.mail_delay = 0.05

    def on_mail(count: int) -> None:
        if count == 25:  # the 25th message is being offered: 24 were accepted
            held.set()
            sink.mail_delay = 5  # hold this one until the sender is gone

    sink.on_mail = on_mail
    run = broadsheet(database, sink.port, "newsletter", "send", "morning-tide")
    assert held.wait(timeout=120), run.stderr.read().decode() if run.poll() is not None else ""
    run.send_signal(signal.SIGKILL)
    run.wait()
    sink.mail_delay, sink.on_mail = 0.0, None
    assert len(sink.messages) == 24

    again = broadsheet(database, sink.port, "newsletter", "send", "morning-tide")
    assert again.wait(timeout=300) == 0, again.stderr.read().decode()

    recipients = sorted(m["To"] for m in sink.messages)
    assert recipients == sorted(f"reader{n}@reader.example" for n in range(SUBSCRIBERS))
