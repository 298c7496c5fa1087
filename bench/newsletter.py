"""Newsletter benchmark: one edition to N subscribers through a local SMTP sink, then a second
edition whose send is killed with SIGKILL a third of the way and started again.

    .venv/bin/python bench/newsletter.py                       # 50,000 subscribers, SQLite
    .venv/bin/python bench/newsletter.py --subscribers 2000
    BROADSHEET_DATABASE_URL=postgres://... .venv/bin/python bench/newsletter.py

The sink is aiosmtpd in a process of its own on 127.0.0.1, writing one line per accepted
message. Each send is ``broadsheet newsletter send`` in its own process, as an operator or the
worker runs it. Prints messages/s and the sending process's peak RSS for the whole send, and
for the killed edition: messages accepted before the kill, after the restart, distinct
recipients and duplicates.
"""

import argparse
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
BROADSHEET = str(Path(sys.executable).with_name("broadsheet"))

SINK = """
import sys, time
from aiosmtpd.controller import Controller
out = open(sys.argv[2], "a", buffering=1)
class Handler:
    async def handle_DATA(self, server, session, envelope):
        out.write(envelope.rcpt_tos[0] + "\\n")
        return "250 OK"
c = Controller(Handler(), hostname="127.0.0.1", port=int(sys.argv[1]))
c.start()
while True:
    time.sleep(3600)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def send(env: dict) -> subprocess.Popen:
    command = [BROADSHEET, "newsletter", "send", "morning-tide"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)  # noqa: S603 (ours)


def start_senders(env: dict, count: int) -> list[subprocess.Popen]:
    """The first sender builds the edition; the others join once it is being sent."""
    from broadsheet.newsletters.models import Edition, EditionStatus

    first = send(env)
    while not Edition.objects.filter(status=EditionStatus.SENDING, queued_at__isnull=False):
        time.sleep(0.05)
    return [first, *(send(env) for _ in range(count - 1))]


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=50_000)
    parser.add_argument(
        "--senders", type=int, default=2, help="send processes sharing the ledger (default 2)"
    )
    args = parser.parse_args()
    port = free_port()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.dev")
    os.environ["BROADSHEET_DEBUG"] = "0"
    os.environ.setdefault("BROADSHEET_VAR_DIR", tempfile.mkdtemp(prefix="broadsheet-newsletter-"))
    os.environ.update(
        BROADSHEET_SMTP_HOST="127.0.0.1", BROADSHEET_SMTP_PORT=str(port), BROADSHEET_SMTP_TLS="0"
    )
    os.environ.setdefault("BROADSHEET_NEWSLETTER_LEASE_SECONDS", "10")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from broadsheet.demo.builder import ensure_home_page
    from broadsheet.newsletters.models import Newsletter, Subscriber, Subscription
    from tests import factories

    call_command("migrate", verbosity=0)
    section = factories.make_section(ensure_home_page(), title="Harbour", slug="harbour")
    factories.make_article(section, title="Dredging starts at the north quay")
    newsletter = Newsletter.objects.create(name="Morning Tide", slug="morning-tide")
    now = timezone.now()
    for start in range(0, args.subscribers, 5000):
        made = Subscriber.objects.bulk_create(
            Subscriber(email=f"reader{n}@reader.example", confirmed_at=now)
            for n in range(start, min(start + 5000, args.subscribers))
        )
        Subscription.objects.bulk_create(
            Subscription(subscriber=s, newsletter=newsletter) for s in made
        )
    connection.close()
    received = Path(os.environ["BROADSHEET_VAR_DIR"]) / "received.txt"
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(port), str(received)])  # noqa: S603
    time.sleep(1)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    print(f"\n{args.subscribers:,} subscribers ({connection.vendor}), sink on 127.0.0.1:{port}")
    try:
        started = time.perf_counter()
        senders = start_senders(env, args.senders)
        assert all(p.wait() == 0 for p in senders)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        first = len(lines(received))
        print("| send | senders | s | messages | messages/s | peak RSS of a sender |")
        print("|---|---:|---:|---:|---:|---:|")
        print(
            f"| whole edition | {args.senders} | {elapsed:.1f} | {first:,} "
            f"| {first / elapsed:,.0f} | {peak:.0f} MB |"
        )

        factories.make_article(section, title="The ferry returns to its summer timetable")
        connection.close()
        senders = start_senders(env, args.senders)
        while len(lines(received)) - first < args.subscribers // 3:
            time.sleep(0.05)
        for process in senders:
            process.send_signal(signal.SIGKILL)
            process.wait()
        before_restart = len(lines(received)) - first
        send(env).wait()
        second = lines(received)[first:]
        recipients = set(second)
        print(
            f"\nkilled edition ({args.senders} senders killed): {before_restart:,} accepted "
            f"before SIGKILL, {len(second) - before_restart:,} after the restart; "
            f"{len(recipients):,} distinct recipients of {args.subscribers:,}, "
            f"{len(second) - len(recipients)} duplicates"
        )
    finally:
        sink.terminate()
        sink.wait()


if __name__ == "__main__":
    main()
