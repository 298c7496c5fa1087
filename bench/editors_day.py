"""Ten articles written and published in a row in the admin of one demo site (SQLite).

    .venv/bin/python bench/editors_day.py              # 10 articles
    .venv/bin/python bench/editors_day.py --articles 20

Starts ``broadsheet demo`` (runserver threads, the scheduler thread, SQLite) on a free port with
a var directory of its own, then, in Debian's Chromium, types each article in the way
``tests/browser/editor.py`` does (headline, standfirst, author from the chooser, a backdated
publication date, two paragraphs; no slug) and publishes it, while the admin's autosave and
editing-session pings write beside it. Counts the articles published on the first try and
every answer of 500 or more the browser saw, and prints the seconds each took. Exits with
status 1 if any article failed or any 5xx was seen. The demo is stopped by PID at the end.
"""

import argparse
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser import editor  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_demo(var: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "BROADSHEET_VAR_DIR": str(var)}
    log = (var / "demo.log").open("ab")
    demo = subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "broadsheet.cli", "demo", f"127.0.0.1:{port}"],
        env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):  # noqa: S310
                return demo
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("the demo did not start: see " + str(var / "demo.log"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10)
    args = parser.parse_args()
    var = Path(tempfile.mkdtemp(prefix="broadsheet-editors-day-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    demo = start_demo(var, port)
    failures: list[str] = []
    server_errors: list[str] = []
    seconds: list[float] = []
    try:
        password = (var / "demo-admin-password.txt").read_text().strip()
        with sqlite3.connect(var / "broadsheet.sqlite3") as db:
            (city,) = db.execute("SELECT id FROM wagtailcore_page WHERE slug = 'city'").fetchone()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(60_000)
            page = context.new_page()
            page.on(
                "response",
                lambda r: (
                    server_errors.append(f"{r.status} {r.request.method} {r.url}")
                    if r.status >= 500
                    else None
                ),
            )
            editor.sign_in(page, base, "admin", password)
            for number in range(1, args.articles + 1):
                story = editor.Story(
                    headline=f"Harbour board meeting notes, part {number}",
                    standfirst="What the board decided about moorings, fees and the quay.",
                    paragraphs=[
                        "The board agreed to repair the north quay before the winter storms.",
                        "Mooring fees stay as they are for another year.",
                    ],
                    author="Priya Raman",
                    published="2025-12-06 10:30",
                )
                started = time.monotonic()
                try:
                    editor.open_new_article(page, base, city)
                    editor.fill_story(page, story)
                    editor.publish(page)
                except Exception as error:  # report every failure and carry on
                    shown = page.locator(".messages, .error-message").all_inner_texts()
                    said = " | ".join(" ".join(text.split()) for text in shown)[:300]
                    fields = page.locator(".w-field--error [id$=-label], .w-field--error label")
                    named = ", ".join(" ".join(t.split()) for t in fields.all_inner_texts())
                    failures.append(f"article {number} at {page.url}: {said or error} [{named}]")
                    (var / f"failed-{number}.html").write_text(page.content())
                seconds.append(time.monotonic() - started)
                print(f"article {number}: {seconds[-1]:.1f} s", flush=True)
            browser.close()
    finally:
        os.killpg(demo.pid, signal.SIGTERM)
        demo.wait(timeout=30)
    published = args.articles - len(failures)
    print(f"\n{published} of {args.articles} published on the first try")
    print(f"median {sorted(seconds)[len(seconds) // 2]:.1f} s, slowest {max(seconds):.1f} s")
    print(f"server errors seen by the browser: {len(server_errors)}")
    for line in failures + server_errors:
        print("  " + line)
    sys.exit(1 if failures or server_errors else 0)


if __name__ == "__main__":
    main()
