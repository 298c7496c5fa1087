"""Live blog benchmark: readers polling a live blog through Varnish while an editor posts.

    .venv/bin/python bench/live.py                                   # N = 100, then 2,000
    .venv/bin/python bench/live.py --readers 500 --posts 10
    .venv/bin/python bench/live.py --readers 50 --every 2 --poll 4 --posts 3   # a quick run

Starts the production stack of ``tests/e2e/stack.py`` (Varnish with deploy/varnish/default.vcl,
two ``broadsheet serve``, the worker, a PostgreSQL database and Redis keys of its own), makes
a live blog of 2,000 entries (bulk inserts), then for each N:

- N simulated readers poll ``…/updates/?after=<latest entry they have>`` through Varnish as
  the page's script does (every ``--poll`` seconds after the last answer, 15 s in browsers,
  backing off after errors), each from a random start. They share ``--connections``
  keep-alive connections, one thread each, so 2,000 readers are 2,000 schedules, not 2,000
  sockets or threads;
- an editor, in this process, posts an entry through ``broadsheet.live.actions.post_entry``
  every ``--every`` seconds (the purge goes out through the worker, as in production).

It prints, per N, p50 and p95 of the time from an entry saved (its transaction committed)
to each reader's seeing it, and to the first reader's; and the requests that reached the app
servers while the entries were posted (Varnish's ``MAIN.backend_req``) per entry. Targets:
p95 ≤ poll interval + 2 s, origin requests per entry ≤ 5 whatever N. Everything is on
127.0.0.1; the processes it started are stopped by PID and its database is dropped.
"""

import argparse
import gzip
import heapq
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.stack import HEADERS, Stack  # noqa: E402

MAX_READERS = 5000
MAX_CONNECTIONS = 200
BACKOFF_CAP = 300.0  # seconds, as the page's script


@dataclass(order=True)
class Reader:
    due: float
    number: int = field(compare=False)
    after: int = field(compare=False)
    failures: int = field(default=0, compare=False)


class Readers:
    """N readers' poll schedules served by a bounded pool of connections."""

    def __init__(self, port: int, path: str, latest: int, count: int, *, poll: float) -> None:
        self.port, self.path, self.poll = port, path, poll
        start = time.monotonic()
        self.queue = [Reader(start + random.uniform(0, poll), n, latest) for n in range(count)]
        heapq.heapify(self.queue)
        self.ready = threading.Condition()
        self.stopping = False
        self.seen: list[tuple[int, int, float]] = []  # (reader, entry, wall time)
        self.errors = 0
        self.error_kinds: Counter[str] = Counter()
        self.polls = 0
        self.late = 0.0  # how far behind its schedule the slowest poll started
        self.threads: list[threading.Thread] = []

    def start(self, connections: int) -> None:
        for _ in range(connections):
            thread = threading.Thread(target=self._serve, daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        with self.ready:
            self.stopping = True
            self.ready.notify_all()
        for thread in self.threads:
            thread.join(timeout=30)

    def _next(self) -> Reader | None:
        with self.ready:
            while not self.stopping:
                wait = self.queue[0].due - time.monotonic() if self.queue else 1.0
                if self.queue and wait <= 0:
                    reader = heapq.heappop(self.queue)
                    self.late = max(self.late, -wait)
                    return reader
                self.ready.wait(timeout=min(wait, 1.0))
            return None

    def _serve(self) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {
            **HEADERS,
            "Host": f"127.0.0.1:{self.port}",
            "Accept": "application/json",
            "Accept-Encoding": "gzip, deflate, br",
        }
        while (reader := self._next()) is not None:
            try:
                response, raw = _get(connection, f"{self.path}?after={reader.after}", headers)
                if response.status != 200:
                    raise http.client.HTTPException(f"status {response.status}")
                if response.getheader("Content-Encoding") == "gzip":
                    raw = gzip.decompress(raw)
                answer = json.loads(raw)
            except (OSError, ValueError, http.client.HTTPException) as error:
                connection.close()  # reconnects on the next request
                failure = f"{type(error).__name__}: {error}"[:80]
                reader.failures += 1
            else:
                got = time.time()
                self.seen.extend((reader.number, entry["id"], got) for entry in answer["entries"])
                reader.after, reader.failures, failure = answer["latest"], 0, ""
            reader.due = time.monotonic() + self._delay(reader.failures)
            with self.ready:
                self.polls += 1
                if failure:
                    self.errors += 1
                    self.error_kinds[failure] += 1
                heapq.heappush(self.queue, reader)
                self.ready.notify()
        connection.close()

    def _delay(self, failures: int) -> float:
        if not failures:
            return self.poll
        return min(BACKOFF_CAP, self.poll * 2**failures) * random.uniform(0.75, 1.25)


def _get(
    connection: http.client.HTTPConnection, url: str, headers: dict[str, str]
) -> tuple[http.client.HTTPResponse, bytes]:
    """GET on a kept-alive connection, once more on a new one if the cache had closed it
    while idle (Varnish's ``timeout_idle``), as browsers do for a request that got no answer."""
    for attempt in (1, 2):
        try:
            connection.request("GET", url, headers=headers)
            response = connection.getresponse()
            return response, response.read()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            connection.close()
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


# The newsroom, in this process, on the stack's database -----------------------------------


def open_django(stack: Stack) -> None:
    os.environ.update(stack.env)
    import django

    django.setup()


def build_blog(stack: Stack, entries: int) -> tuple[int, str, int]:
    """A live blog of ``entries`` entries, one a minute up to now; its id, path and newest."""
    from django.utils import timezone
    from wagtail.models import Site

    from broadsheet.live.entries import LiveEntry
    from broadsheet.live.models import LiveBlogPage, Status
    from tests import factories

    home = factories.make_home()
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=stack.varnish_port)
    section = factories.make_section(home, title="Weather", slug="weather")
    blog = LiveBlogPage(
        title="Storm Edda crosses the estuary",
        slug="storm-edda",
        standfirst="Gusts, closed roads and the ferry timetable, as they happen.",
        status=Status.LIVE,
        coverage_start=timezone.now() - timedelta(minutes=entries),
        live=False,
    )
    section.add_child(instance=blog)
    blog.save_revision().publish()
    now = timezone.now()
    LiveEntry.objects.bulk_create(
        [
            LiveEntry(
                blog_id=blog.pk,
                title=f"Update {n}" if n % 50 == 0 else "",
                body=[{"type": "paragraph", "value": f"<p>Gauge reading number {n}.</p>"}],
                published_at=now - timedelta(minutes=entries - n),
                key_event=n % 50 == 0,
            )
            for n in range(1, entries + 1)
        ],
        batch_size=500,
    )
    latest = LiveEntry.objects.filter(blog=blog).newest_first().values_list("pk", flat=True)[0]
    return blog.pk, f"/{section.slug}/{blog.slug}/updates/", latest


def wait_for_tasks(within: float = 180) -> None:
    """Until the worker has done what building queued (search index, purges)."""
    from django_tasks_db.models import DBTaskResult

    deadline = time.monotonic() + within
    while DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).exists():
        if time.monotonic() > deadline:
            raise RuntimeError("the worker did not finish the build's tasks")
        time.sleep(0.5)


def post(blog_id: int, number: int) -> tuple[int, float]:
    """The editor posts an entry; its id and when its transaction committed."""
    from broadsheet.live import actions

    text = f"<p>The harbour master reports gusts of {40 + number} knots at the breakwater.</p>"
    entry = actions.post_entry(blog_id=blog_id, body=[{"type": "paragraph", "value": text}])
    return entry.pk, time.time()


# One run --------------------------------------------------------------------------------


@dataclass
class Result:
    readers: int
    each: list[float]
    first: list[float]
    missed: int
    origin: int
    posts: int
    polls: int
    errors: int
    late: float


def run(stack: Stack, blog: tuple[int, str, int], readers: int, args) -> Result:
    blog_id, path, latest = blog
    pool = Readers(stack.varnish_port, path, latest, readers, poll=args.poll)
    pool.start(min(args.connections, readers))
    try:
        time.sleep(args.poll + 2)  # every reader has polled once: the answer is stored
        before = stack.varnish_counter("MAIN.backend_req")
        saved: dict[int, float] = {}
        for number in range(args.posts):
            if number:
                time.sleep(args.every)
            entry_id, at = post(blog_id, number)
            saved[entry_id] = at
            print(f"  N={readers}: entry {number + 1}/{args.posts} posted", flush=True)
        last = max(saved, key=saved.get)
        deadline = time.monotonic() + args.poll * 2 + 30
        while time.monotonic() < deadline:
            if len({r for r, e, _ in list(pool.seen) if e == last}) == readers:
                break
            time.sleep(0.2)
        origin = stack.varnish_counter("MAIN.backend_req") - before
    finally:
        pool.stop()
    if pool.error_kinds:
        print(f"  errors: {dict(pool.error_kinds.most_common(5))}")
    each, first_seen = [], {}
    pairs = {(r, e): t for r, e, t in pool.seen if e in saved}
    for (_, entry), at in pairs.items():
        delay = max(0.0, at - saved[entry])
        each.append(delay)
        first_seen[entry] = min(first_seen.get(entry, delay), delay)
    return Result(
        readers=readers,
        each=each,
        first=list(first_seen.values()),
        missed=readers * len(saved) - len(pairs),
        origin=origin,
        posts=len(saved),
        polls=pool.polls,
        errors=pool.errors,
        late=pool.late,
    )


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(results: list[Result], args) -> bool:
    target = args.poll + 2
    print(
        f"\nentries {args.entries}, a post every {args.every:g} s, readers poll every "
        f"{args.poll:g} s, {args.app_servers} app servers x 2 workers, Varnish, worker"
    )
    print(
        "| readers | seen by each: p50 | p95 | seen first: p50 | p95 | missed "
        "| origin requests per entry | polls | errors | slowest poll start late |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    met = True
    for r in results:
        per_entry = r.origin / r.posts
        print(
            f"| {r.readers:,} | {statistics.median(r.each):.1f} s "
            f"| {percentile(r.each, 0.95):.1f} s "
            f"| {statistics.median(r.first):.2f} s | {percentile(r.first, 0.95):.2f} s "
            f"| {r.missed} | {per_entry:.1f} | {r.polls:,} | {r.errors} | {r.late:.2f} s |"
        )
        met &= percentile(r.each, 0.95) <= target and per_entry <= 5 and not r.missed
    print(
        f"targets: p95 ≤ {target:g} s, origin requests per entry ≤ 5: {'met' if met else 'MISSED'}"
    )
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, nargs="+", default=[100, 2000])
    parser.add_argument("--posts", type=int, default=6, help="entries posted per run")
    parser.add_argument("--every", type=float, default=10.0, help="seconds between posts")
    parser.add_argument("--poll", type=float, default=15.0, help="readers' poll interval")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--entries", type=int, default=2000, help="entries already posted")
    parser.add_argument("--app-servers", type=int, default=2)
    args = parser.parse_args()
    if not all(0 < n <= MAX_READERS for n in args.readers):
        parser.error(f"--readers: between 1 and {MAX_READERS:,}")
    if not 0 < args.connections <= MAX_CONNECTIONS:
        parser.error(f"--connections: between 1 and {MAX_CONNECTIONS}")
    if args.posts < 1 or args.every <= 0 or args.poll <= 0:
        parser.error("--posts, --every and --poll must be positive")

    stack = Stack(
        name=f"broadsheet_live_{time.time_ns()}",
        settings_module="tests.e2e.settings",
        app_servers=args.app_servers,
    )
    try:
        stack.start()
        open_django(stack)
        started = time.monotonic()
        blog = build_blog(stack, args.entries)
        print(f"{args.entries:,} entries in {time.monotonic() - started:.1f} s", flush=True)
        stack.start_servers()
        wait_for_tasks()
        results = [run(stack, blog, n, args) for n in args.readers]
    finally:
        if "django.db" in sys.modules:
            sys.modules["django.db"].connections.close_all()
        stack.stop()
    sys.exit(0 if report(results, args) else 1)


if __name__ == "__main__":
    main()
