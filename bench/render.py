"""In-process render timings: reader pages and comment posts through Django's test client.

    .venv/bin/python bench/render.py                       # 200 GETs per page, 200 comment POSTs
    .venv/bin/python bench/render.py -n 500 -m 300
    .venv/bin/python bench/render.py --profile article     # cProfile one page (or "post")

Builds the demo newsroom into a temporary SQLite database (dev settings, DEBUG off), trains the
learned spam filter on the bench corpus (as moderators' decisions would), gives one article 50
approved comments (a third top-level, the rest replies), then times GETs of that article, the
front page, a section page, search and the RSS feed, and comment POSTs through the real view.
Prints median and p95 wall-clock milliseconds, median CPU milliseconds of this process (less
disturbed by other load on the machine) and SQL queries per request. No HTTP server, no cache in
front: this is the Python cost of an uncached request.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOST = "127.0.0.1"
COMMENTS = 50


def setup_django(workdir: Path) -> None:
    os.environ["BROADSHEET_VAR_DIR"] = str(workdir)
    os.environ["BROADSHEET_DEBUG"] = "0"
    os.environ["DJANGO_SETTINGS_MODULE"] = "broadsheet.settings.dev"
    for name in ("BROADSHEET_DATABASE_URL", "BROADSHEET_REDIS_URL"):
        os.environ.pop(name, None)
    import django

    django.setup()


def build() -> dict[str, str]:
    """The demo, a trained filter and 50 comments on one article; returns the paths to time."""
    from django.core.management import call_command

    from broadsheet.articles.models import ArticlePage, SectionPage
    from broadsheet.demo.builder import build_demo

    call_command("migrate", verbosity=0)
    build_demo()
    train_filter()
    article = (
        ArticlePage.objects.live()
        .filter(reader_comments__isnull=True)
        .order_by("-published_at")
        .first()
    )
    add_comments(article, COMMENTS)
    section = SectionPage.objects.live().order_by("path").first()
    return {
        "article": article.url,
        "front page": "/",
        "section": section.url,
        "search": "/search/?q=harbour",
        "rss feed": "/feeds/rss/",
        "_article_id": str(article.pk),
    }


def train_filter() -> None:
    from bench.data.comment_corpus import build as corpus
    from bench.data.comment_corpus import split
    from broadsheet.comments import spamfilter
    from broadsheet.comments.models import SpamFilterState

    train = split(corpus())[0]
    spam_filter = spamfilter.fit(
        [spamfilter.Comment(comment.text) for comment in train], [c.is_spam for c in train]
    )
    SpamFilterState.objects.all().delete()
    SpamFilterState.objects.create(state=spam_filter.to_dict())


def add_comments(article, count: int) -> None:
    from broadsheet.comments.models import Comment, CommentState
    from broadsheet.comments.text import fingerprint

    tops: list = []
    for n in range(count):
        parent = tops[n % len(tops)] if n % 3 and tops else None
        text = f"Comment {n}: the earlier sailing suits the early shift on the Sallow quay."
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            thread=parent,
            replied_to=parent,
            depth=1 if parent else 0,
            state=CommentState.APPROVED,
            name=f"Reader {n}",
            email=f"reader{n}@reader.example",
            text=text,
            fingerprint=fingerprint(text),
            like_count=n % 7,
        )
        if parent is None:
            tops.append(comment)


def timed(fn: Callable[[], object], n: int) -> tuple[list[float], list[float], list[int]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu, queries = [], [], []
    for _ in range(n):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            fn()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        queries.append(len(captured))
    return times, cpu, queries


def get(client, path: str) -> Callable[[], object]:
    def fetch() -> object:
        response = client.get(path, HTTP_HOST=HOST)
        assert response.status_code == 200, (path, response.status_code)
        return response

    return fetch


def poster(client, article_id: int) -> Callable[[], object]:
    from broadsheet.comments.pipeline.timestamp import make_token

    counter = iter(range(10**9))

    def post() -> object:
        n = next(counter)
        data = {
            "name": f"Poster {n}",
            "email": f"poster{n}@reader.example",
            "text": f"Post {n}: the new timetable at the Brennock landing works for me, day {n}.",
            "token": make_token(article_id, now=time.time() - 60),
            "website": "",
        }
        response = client.post(
            f"/comments/post/{article_id}/",
            data,
            HTTP_HOST=HOST,
            HTTP_ORIGIN=f"http://{HOST}",
            REMOTE_ADDR=f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}",
        )
        assert response.status_code in (200, 302, 303), response.status_code
        return response

    return post


def report(name: str, times: list[float], cpu: list[float], queries: list[int]) -> None:
    p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
    spread = f"{min(queries)}" if min(queries) == max(queries) else f"{min(queries)}-{max(queries)}"
    print(
        f"{name:<14} {statistics.median(times):8.2f} {p95:8.2f} "
        f"{statistics.median(cpu):8.2f} {spread:>8}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="GETs per page")
    parser.add_argument("-m", type=int, default=200, help="comment POSTs")
    parser.add_argument("--profile", help="cProfile this target (a page name or 'post')")
    parser.add_argument("--top", type=int, default=35, help="profile rows to print")
    parser.add_argument("--only", default="", help="profile rows whose file matches this regex")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-render-"))
    setup_django(workdir)
    from django.test import Client

    # No setup_test_environment(): it instruments every template render, which a server lacks.
    print(f"building the demo in {workdir} …", file=sys.stderr)
    paths = build()
    article_id = int(paths.pop("_article_id"))
    client = Client()
    targets = {name: get(client, path) for name, path in paths.items()}
    targets["comment post"] = poster(client, article_id)

    if args.profile:
        name = "comment post" if args.profile == "post" else args.profile
        fn, n = targets[name], (args.m if name == "comment post" else args.n)
        fn()
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [fn() for _ in range(n)])
        restrictions = [args.only, args.top] if args.only else [args.top]
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(*restrictions)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(*restrictions)
        return 0

    print(f"article: {paths['article']} with {COMMENTS} approved comments")
    print(f"{'page':<14} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'queries':>8}")
    for name, fn in targets.items():
        for _ in range(5):
            fn()  # warm-up: caches and renditions a running server would have
        n = args.m if name == "comment post" else args.n
        report(name, *timed(fn, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
