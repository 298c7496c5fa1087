"""Wire benchmark: 200 sources of 100 items each, polled by one worker.

    .venv/bin/python bench/wire.py                     # 200 sources x 100 items, SQLite
    .venv/bin/python bench/wire.py --sources 50 --items 40
    BROADSHEET_DATABASE_URL=postgres://... .venv/bin/python bench/wire.py

Serves the feeds from a local HTTP server on 127.0.0.1 (a third each RSS, NINJS and
NewsML-G2, written here), then in one process, as ``broadsheet worker`` does:

1. first poll: every item new (items stored per second);
2. re-poll, unchanged, with ETags: every source answers 304;
3. re-poll, unchanged, without ETags: every feed read, its bytes found the same as last time;
4. re-poll, restamped (a new build date in each feed, the items the same): every feed read,
   parsed and each item found known;
5. re-poll after 1 item in 100 changed: those become new versions.

Prints each round's time, per source and per item, and the process's peak RSS.
"""

import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

NAR = "http://iptc.org/std/nar/2006-10-01/"


def rss(source: int, items: int, revision: dict) -> bytes:
    entries = "".join(
        f"<item><title>Source {source} report {n}</title><guid>s{source}-{n}</guid>"
        f"<link>https://wire.example/{source}/{n}</link><description>&lt;p&gt;Telling "
        f"{revision.get(n, 0)} of report {n} from source {source}.&lt;/p&gt;</description></item>"
        for n in range(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Source {source}</title>'
        f"<link>https://wire.example/</link><description>d</description>{entries}</channel></rss>"
    ).encode()


def ninjs(source: int, items: int, revision: dict) -> bytes:
    return json.dumps(
        [
            {
                "uri": f"urn:bench:{source}:{n}",
                "version": str(1 + revision.get(n, 0)),
                "headline": f"Source {source} report {n}",
                "body_html": f"<p>Telling {revision.get(n, 0)} of report {n}.</p>",
                "urgency": n % 9 + 1,
                "language": "en",
            }
            for n in range(items)
        ]
    ).encode()


def newsml(source: int, items: int, revision: dict) -> bytes:
    members = "".join(
        f'<newsItem guid="urn:bench:{source}:{n}" version="{1 + revision.get(n, 0)}">'
        '<itemMeta><itemClass qcode="ninat:text"/><pubStatus qcode="stat:usable"/></itemMeta>'
        f"<contentMeta><headline>Source {source} report {n}</headline></contentMeta>"
        '<contentSet><inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Telling {revision.get(n, 0)}'
        "</p></body></html></inlineXML></contentSet></newsItem>"
        for n in range(items)
    )
    return f'<newsMessage xmlns="{NAR}"><itemSet>{members}</itemSet></newsMessage>'.encode()


WRITERS = [rss, ninjs, newsml]


class Feeds:
    def __init__(self, sources: int, items: int) -> None:
        self.sources, self.items, self.etags, self.stamp = sources, items, True, 0
        self.revisions: dict[int, dict[int, int]] = {s: {} for s in range(sources)}
        self.bodies: dict[int, bytes] = {}
        self.render()

    def render(self) -> None:
        for s in range(self.sources):
            body = WRITERS[s % 3](s, self.items, self.revisions[s])
            self.bodies[s] = body + f"<!-- built {self.stamp} -->".encode() * (s % 3 != 1)
            if s % 3 == 1:  # JSON has no comments: a whitespace restamp
                self.bodies[s] = body + b" " * self.stamp


def serve(feeds: Feeds) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = feeds.bodies[int(self.path.strip("/"))]
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if feeds.etags and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            if feeds.etags:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--items", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.dev")
    os.environ["BROADSHEET_DEBUG"] = "0"
    os.environ.setdefault("BROADSHEET_VAR_DIR", tempfile.mkdtemp(prefix="broadsheet-wire-"))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from broadsheet.wire.models import ItemVersion, Source, SourceHealth
    from broadsheet.wire.polling import poll_due_sources

    call_command("migrate", verbosity=0)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    feeds = Feeds(args.sources, args.items)
    server = serve(feeds)
    host = f"http://127.0.0.1:{server.server_address[1]}"
    for s in range(args.sources):
        source = Source.objects.create(name=f"Source {s}", url=f"{host}/{s}", outlet=f"Out {s}")
        SourceHealth.objects.create(source=source)
    total = args.sources * args.items
    print(f"\n{args.sources} sources x {args.items} items ({connection.vendor}), one process")
    print("| round | s | ms per source | items/s | new versions |")
    print("|---|---:|---:|---:|---:|")

    def round_(name: str) -> None:
        SourceHealth.objects.update(next_poll_at=None)
        before = ItemVersion.objects.count()
        started = time.perf_counter()
        reports = poll_due_sources(budget=float("inf"))  # every source, however long
        elapsed = time.perf_counter() - started
        errors = [r.error for r in reports if r.error]
        assert not errors, errors[:3]
        added = ItemVersion.objects.count() - before
        print(
            f"| {name} | {elapsed:.2f} | {elapsed * 1000 / args.sources:.1f} "
            f"| {total / elapsed:,.0f} | {added} |"
        )

    round_("first poll (all new)")
    round_("re-poll, unchanged, 304")
    feeds.etags = False
    round_("re-poll, unchanged, no ETag")
    feeds.stamp = 1
    feeds.render()
    round_("re-poll, restamped, no ETag")
    for s in range(args.sources):
        for n in range(0, args.items, 100):
            feeds.revisions[s][n] = 1
    feeds.render()
    round_("re-poll, 1 in 100 changed")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\npeak RSS {peak:.0f} MB ({baseline:.0f} MB before the first poll); "
        f"{ItemVersion.objects.count():,} versions stored"
    )
    server.shutdown()


if __name__ == "__main__":
    main()
