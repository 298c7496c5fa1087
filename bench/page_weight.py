"""Article page weight: HTML and CSS bytes (uncompressed, images excluded) and blocking scripts.

    .venv/bin/python bench/page_weight.py                      # demo data, temporary SQLite
    .venv/bin/python bench/page_weight.py --url http://127.0.0.1:8000 [--path /city/some-story/]

Without --url the demo newsroom is built into a temporary SQLite database and every live
article is fetched through Django's test client; the heaviest and the median are reported.
With --url a running server is measured (one article: --path, or the front page's first).
Targets: HTML + CSS <= 60 KB, 0 blocking scripts. Exits with status 1 when one is missed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_BYTES = 60 * 1024
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


@dataclass
class Weight:
    path: str
    html: int
    css: int
    blocking_scripts: int

    @property
    def total(self) -> int:
        return self.html + self.css


def blocking_scripts(html: BeautifulSoup) -> int:
    """Scripts that hold up parsing or rendering: external ones without async/defer (modules
    are deferred), and inline executable scripts in the head."""
    count = 0
    for script in html.find_all("script"):
        kind = (script.get("type") or "").strip().lower()
        if kind not in EXECUTABLE_TYPES:
            continue  # data blocks such as JSON-LD
        if script.get("src"):
            count += not (script.has_attr("async") or script.has_attr("defer") or kind == "module")
        elif script.find_parent("head") is not None:
            count += 1
    return count


def stylesheets(html: BeautifulSoup) -> list[str]:
    return [
        link["href"]
        for link in html.find_all("link", href=True)
        if "stylesheet" in link.get("rel", []) and link.get("media", "all") != "print"
    ]


def measure(path: str, fetch: Callable[[str], bytes]) -> Weight:
    body = fetch(path)
    html = BeautifulSoup(body, "html.parser")
    css = sum(len(fetch(urljoin(path, href))) for href in stylesheets(html))
    return Weight(path, len(body), css, blocking_scripts(html))


def kb(n: int) -> str:
    return f"{n / 1024:6.1f} KB"


def report(rows: list[Weight]) -> int:
    print(f"{'article':<58} {'HTML':>9} {'CSS':>9} {'total':>9}  blocking scripts")
    for row in rows:
        print(
            f"{row.path[:58]:<58} {kb(row.html)} {kb(row.css)} {kb(row.total)}",
            f" {row.blocking_scripts}",
        )
    heaviest = max(rows, key=lambda r: r.total)
    median = statistics.median(r.total for r in rows)
    blocking = max(r.blocking_scripts for r in rows)
    print()
    print(f"articles measured: {len(rows)}")
    print(
        f"heaviest: {heaviest.path} = {kb(heaviest.total).strip()} "
        f"(HTML {kb(heaviest.html).strip()}, CSS {kb(heaviest.css).strip()})"
    )
    print(f"median total: {kb(int(median)).strip()}; target <= {kb(TARGET_BYTES).strip()}")
    print(f"blocking scripts (most on any article): {blocking}; target 0")
    ok = heaviest.total <= TARGET_BYTES and blocking == 0
    print("result:", "within targets" if ok else "TARGET MISSED")
    return 0 if ok else 1


def run_against_demo() -> list[Weight]:
    workdir = Path(tempfile.mkdtemp(prefix="broadsheet-bench-"))
    os.environ["BROADSHEET_DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["BROADSHEET_MEDIA_ROOT"] = str(workdir / "media")
    os.environ["DJANGO_SETTINGS_MODULE"] = "broadsheet.settings.test"
    import django

    django.setup()
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from broadsheet.articles.models import ArticlePage
    from broadsheet.demo.builder import build_demo

    setup_test_environment()
    print(f"building the demo newsroom in {workdir} …", file=sys.stderr)
    call_command("migrate", verbosity=0)
    build_demo()
    client = Client()

    def fetch(path: str) -> bytes:
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            return Path(found).read_bytes()
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response.content

    paths = [page.url for page in ArticlePage.objects.live().order_by("path")]
    return [measure(path, fetch) for path in paths]


def run_against_server(base: str, path: str | None) -> list[Weight]:
    def fetch(url: str) -> bytes:
        target = urljoin(base, url)
        if urlsplit(target).scheme not in ("http", "https"):
            raise ValueError(f"not an http(s) URL: {target}")
        with urllib.request.urlopen(target) as response:  # noqa: S310 - scheme checked above
            return response.read()

    if path is None:
        front = BeautifulSoup(fetch("/"), "html.parser")
        link = front.select_one(".article-card__headline a, article a[href]")
        if link is None:
            raise SystemExit("no article link on the front page; pass --path")
        path = link["href"]
    return [measure(path, fetch)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="measure a running server at this base URL")
    parser.add_argument("--path", help="with --url: the article path to measure")
    args = parser.parse_args()
    rows = run_against_server(args.url, args.path) if args.url else run_against_demo()
    return report(rows)


if __name__ == "__main__":
    sys.exit(main())
