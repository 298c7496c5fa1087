"""Content API benchmark: the list (20 articles) and one article, beside the article page, through
one app server with 2 workers, in the same run.

    .venv/bin/python bench/api.py                            # 1,000 articles, 10,000 comments
    .venv/bin/python bench/api.py --duration 5 --articles 300 --comments 3000
    .venv/bin/python bench/api.py --only 'API'               # some rows (a regex over names)

Builds the serving benchmark's dataset (bench/dataset.py) in a fresh PostgreSQL database,
starts one ``broadsheet serve`` (2 sync workers), the worker, Varnish and Redis keys of its own
(tests/e2e/stack.py) with bench/api_settings.py, and runs ``wrk`` against each target on the
app server itself: the HTTP cache in front would measure only itself (bench/serve.py does
that). The shared fragments and remembered lookups are warm, as they are in production, so the
API rows are answers kept in the shared fragments (broadsheet/api/kept.py); the two "built
every time" rows give each request a query string of its own (a wrk script), which is what
every request costs after a content change until its answer is kept again.

Besides ours it measures the same list from Wagtail's own API (``wagtail.api.v2`` on Django
REST framework), switched on only in this benchmark's settings, with ``api_fields`` naming
the columns our list gives (it has no bylines, sections or hero renditions to match ours).

Then it counts the SQL queries of one request to each, at 5, 10 and 20 articles a list page, in
a process of its own on the same database, kept and built: the counts must not grow with the
list. Every
target is 127.0.0.1; everything started is stopped by PID at the end.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.serve import wrk  # noqa: E402 (after the path)

SETTINGS = "bench.api_settings"
WAGTAIL_LIST = (
    "/wagtail-api/v2/pages/?type=articles.ArticlePage&limit={n}"
    "&fields=standfirst,published_at,updated_at,reading_minutes,word_count,source_outlet,"
    "source_url,tags"
)


# Each request a query string of its own, so none is answered from a kept answer: what the
# first request after a content change costs. (Each wrk thread has its own Lua state.)
BUILT_SCRIPT = """
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  prefix = "&built=" .. os.time() .. "-" .. tid .. "-"
  counter = 0
end
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. prefix .. counter)
end
"""


def targets(data: dict) -> list[tuple[str, str, bool]]:
    """(name, path, built) of each measured request; the article page first, as the yardstick.
    ``built``: every request a new query string (the API answers only)."""
    article = f"/api/v1/articles/{data['article_id']}"
    return [
        ("article page (HTML, 50 comments)", data["article"], False),
        ("API list, 20 articles", "/api/v1/articles?limit=20", False),
        ("API article, every field", article, False),
        ("API article as NINJS", f"{article}?format=ninjs", False),
        ("API list, 20 articles, built every time", "/api/v1/articles?limit=20", True),
        ("API article, every field, built every time", f"{article}?fields=", True),
        ("Wagtail API v2 (DRF) list, 20 articles", WAGTAIL_LIST.format(n=20), False),
    ]


def count_queries(data: dict) -> dict[str, list[int]]:
    """In this process (Django set up on the stack's database): each target's queries at list
    sizes 5, 10 and 20, the second request of each (fragments and lookups warm); the "built"
    rows with the rendered fragments forgotten just before, as after a content change."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from broadsheet.caching import fragments

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    article = f"/api/v1/articles/{data['article_id']}"
    lists = [f"/api/v1/articles?limit={n}" for n in (5, 10, 20)]
    rows = {
        "article page (HTML, 50 comments)": ([data["article"]] * 3, False),
        "API list": (lists, False),
        "API article, every field": ([article] * 3, False),
        "API list, built": (lists, True),
        "API article, every field, built": ([article] * 3, True),
        "Wagtail API v2 (DRF) list": ([WAGTAIL_LIST.format(n=n) for n in (5, 10, 20)], False),
    }
    counts = {}
    for name, (urls, built) in rows.items():
        counts[name] = []
        for url in urls:
            first = client.get(url)
            assert first.status_code == 200, (url, first.status_code, first.content[:200])
            if built:
                fragments.forget_rendered()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts[name].append(len(queries))
    return counts


def table(results: list[tuple[str, dict]]) -> str:
    article = results[0][1]["rps"]
    lines = [
        "| target | req/s | p50 | p99 | ratio to the article page | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, r in results:
        lines.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.2f} ms | {r['p99']:.2f} ms "
            f"| {r['rps'] / article:.2f} | {r.get('note', '')} |"
        )
    return "\n".join(lines)


def query_table(counts: dict[str, list[int]]) -> str:
    lines = ["| request | at 5 | at 10 | at 20 |", "|---|---:|---:|---:|"]
    for name, row in counts.items():
        lines.append(f"| {name} | " + " | ".join(str(n) for n in row) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--only", default="", help="measure only rows whose name matches")
    args = parser.parse_args()
    for tool in ("wrk", "varnishd"):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            sys.exit(f"{tool} is missing: apt-get install wrk varnish")

    from tests.e2e.stack import Stack

    stack = Stack(
        name=f"broadsheet_bench_api_{os.getpid()}",
        app_servers=1,
        workers_per_server=args.workers,
        settings_module=SETTINGS,
    )
    try:
        stack.start()
        env = {**stack.env, "BROADSHEET_TASKS_BACKEND": "immediate", "BROADSHEET_PURGE_URL": ""}
        built = subprocess.run(  # noqa: S603 (our own script and arguments)
            [sys.executable, "bench/serve.py", "build", str(args.articles), str(args.comments),
             str(stack.varnish_port)],
            env=env, cwd=REPO, stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        data = json.loads(built.stdout.strip().splitlines()[-1])
        stack.start_servers()
        app = stack.app(0)
        script = stack.tmp / "built.lua"
        script.write_text(BUILT_SCRIPT)
        results = []
        for name, path, built in targets(data):
            if not re.search(args.only, name):
                continue
            use = script if built else None
            wrk(app + path, 2, script=use)  # warm-up: fragments, lookups, renditions
            result = wrk(app + path, args.duration, script=use)
            if result["non_2xx"]:
                result["note"] = f"{result['non_2xx']} non-2xx"
            results.append((name, result))
            print(f"  {name}: {result['rps']:,.0f} req/s", file=sys.stderr)
        counted = subprocess.run(  # noqa: S603
            [sys.executable, __file__, "count", json.dumps(data)],
            env=env, cwd=REPO, stdout=subprocess.PIPE, text=True, check=True,
        )  # fmt: skip
        counts = json.loads(counted.stdout.strip().splitlines()[-1])
    finally:
        stack.stop()
    print(
        textwrap.dedent(f"""
        {args.articles:,} articles, {args.comments:,} comments, PostgreSQL, Redis,
        1 app server x {args.workers} sync workers, wrk -t2 -c32 -d{args.duration}s,
        straight to the app server (no HTTP cache)
        """).strip()
    )
    if results:
        print(table(results))
    print("\nSQL queries per request, by list page size (the second request of each):")
    print(query_table(counts))


if __name__ == "__main__":
    if sys.argv[1:2] == ["count"]:
        print(json.dumps(count_queries(json.loads(sys.argv[2]))))
    else:
        main()
