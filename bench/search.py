"""Cold search on PostgreSQL: what a reader's first search for a word costs, no fragments.

    .venv/bin/python bench/search.py                      # 10,000 articles
    .venv/bin/python bench/search.py --articles 100000    # about 5 minutes to build

Builds the serving benchmark's articles (``bench/dataset.py``, no comments) in a PostgreSQL
database of its own, then calls ``search_articles`` in this process for a word every article
has in its body ("council"), one in every headline and body ("ferry"), one a single article
has ("42") and one no article has, on pages 1 and 3, and prints the wall-clock time, the
number of queries and the slowest query of each. Every search is built from the database:
nothing here goes through the page's shared fragments, which serve repeats of the same search.
The database is dropped at the end.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

QUERIES = ["council", "ferry", "42", "lighthouse"]
PSQL = ["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-c"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5, help="timings per search (median)")
    args = parser.parse_args()
    name = f"broadsheet_search_{os.getpid()}"
    os.environ.update(
        BROADSHEET_DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}",
        DJANGO_SETTINGS_MODULE="broadsheet.settings.dev",
        BROADSHEET_DEBUG="0",
        BROADSHEET_VAR_DIR=tempfile.mkdtemp(prefix="broadsheet-search-"),
    )
    subprocess.run([*PSQL, f'CREATE DATABASE "{name}"'], check=True)  # noqa: S603
    try:
        run(args.articles, args.repeat)
    finally:
        from django.db import connections

        connections.close_all()
        subprocess.run([*PSQL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True)  # noqa: S603


def run(articles: int, repeat: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench.dataset import build
    from broadsheet.site.search import parse_query, search_articles

    call_command("migrate", verbosity=0)
    build(articles, 0, "127.0.0.1", 8000)
    print(f"\n{articles:,} articles, PostgreSQL, search_articles() in process, median of {repeat}")
    print("| search | page | ms | results | queries | slowest query ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for word in QUERIES:
        for page in (1, 3):
            times, slowest = [], []
            for _ in range(repeat):
                started = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    found = search_articles(None, parse_query(word), number=page)
                    list(found.items)
                times.append((time.perf_counter() - started) * 1000)
                slowest.append(max(float(q["time"]) for q in queries.captured_queries) * 1000)
            print(
                f"| {word} | {page} | {statistics.median(times):,.0f} | {found.total:,} "
                f"| {len(queries.captured_queries)} | {statistics.median(slowest):,.0f} |"
            )


if __name__ == "__main__":
    main()
