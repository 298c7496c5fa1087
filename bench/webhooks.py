"""Webhooks: what subscriptions cost publishing, and how fast the worker sends.

    .venv/bin/python bench/webhooks.py
    .venv/bin/python bench/webhooks.py --articles 40 --subscriptions 10

In a SQLite database of its own (a temporary directory), with receivers on 127.0.0.1 in
this process, it prints:

- publishing an article (a draft revision, then publish, committed) with no subscription,
  then with ``--subscriptions`` subscribed to every event whose receiver takes 5 s to
  answer: median and p95 milliseconds per article and queries per article. Nothing waits
  on a receiver, so the difference is the events' recording only;
- the worker's minute job sending what those publications queued to a receiver that
  answers at once: deliveries per second;
- the same job facing a receiver that never answers in time (``--timeout``, 1 s here) with
  every delivery waiting: the seconds one run takes, and how many attempts it made (one per
  failing subscription per run, not one per waiting delivery).
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def receiver(delay: float) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            time.sleep(delay)
            try:
                self.send_response(204)
                self.end_headers()
            except OSError:
                pass

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/hooks"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20, help="published per measurement")
    parser.add_argument("--subscriptions", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=1.0, help="for the dead receiver")
    args = parser.parse_args()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="broadsheet.settings.dev",
        BROADSHEET_DEBUG="0",
        BROADSHEET_VAR_DIR=tempfile.mkdtemp(prefix="broadsheet-webhooks-"),
    )
    import django

    django.setup()
    logging.getLogger("broadsheet").setLevel(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    run(args)


def publish_many(section, count: int, prefix: str) -> tuple[list[float], list[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests import factories

    times, queries = [], []
    for n in range(count):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            factories.make_article(section, title=f"{prefix} {n}", slug=f"{prefix}-{n}")
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
        connection.queries_log.clear()
    return times, queries


def report(label: str, times: list[float], queries: list[int]) -> None:
    p95 = sorted(times)[max(int(len(times) * 0.95) - 1, 0)]
    print(
        f"{label:<44} {statistics.median(times):7.1f} ms median {p95:7.1f} ms p95 "
        f"{statistics.median(queries):5.0f} queries"
    )


def run(args) -> None:
    from django.conf import settings

    from broadsheet.webhooks import events
    from broadsheet.webhooks.delivering import deliver_due
    from broadsheet.webhooks.models import Delivery, Subscription
    from tests import factories

    factories.name_test_site("The Quayside Post")
    section = factories.make_section(factories.make_home())
    slow, slow_url = receiver(5.0)
    fast, fast_url = receiver(0.0)
    silent, silent_url = receiver(3600.0)

    print(f"publishing {args.articles} articles each, SQLite, tasks inline (immediate backend)")
    publish_many(section, 3, "warm")
    report("no subscription", *publish_many(section, args.articles, "plain"))
    for n in range(args.subscriptions):
        Subscription.objects.create(name=f"Partner {n}", url=slow_url, events=list(events.EVENTS))
    label = f"{args.subscriptions} subscriptions, receivers taking 5 s"
    report(label, *publish_many(section, args.articles, "watched"))

    Subscription.objects.update(url=fast_url)
    waiting = Delivery.objects.filter(state="pending").count()
    started = time.perf_counter()
    sent = len(deliver_due(budget=600))
    elapsed = time.perf_counter() - started
    print(
        f"minute job, receiver answering at once: {sent} of {waiting} deliveries in "
        f"{elapsed:.2f} s, {sent / elapsed:.0f} per second"
    )

    settings.BROADSHEET_WEBHOOK_TIMEOUT = args.timeout
    Subscription.objects.update(url=silent_url)  # accepts the connection, never answers
    publish_many(section, args.articles, "unheard")
    waiting = Delivery.objects.filter(state="pending").count()
    started = time.perf_counter()
    attempts = len(deliver_due(budget=600))
    elapsed = time.perf_counter() - started
    print(
        f"minute job, receivers never answering ({args.timeout:g} s timeout): {waiting} "
        f"waiting, {attempts} attempts, {elapsed:.1f} s"
    )
    for server in (slow, fast, silent):
        server.shutdown()


if __name__ == "__main__":
    main()
