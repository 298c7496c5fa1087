"""Shared browser-test fixtures: Debian's Chromium driven by Playwright, the demo newsroom on
pytest-django's live server, and axe-core (installed from npm by `make`) for accessibility.

Tests using the live server need ``pytest.mark.django_db(transaction=True,
serialized_rollback=True)``: the server thread reads committed data, and the rollback restores
the rows Wagtail's migrations create (root page, default site), which a flush would remove.
"""

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from broadsheet.demo.builder import build_demo

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# How long a step may wait for the page (a click's target, a navigation, an expect()). The tests
# assert what a person sees, not how fast: on a loaded CI machine a page with the admin's
# scripts has taken over 30 s (Playwright's default) to settle.
WAIT_MS = 120_000
expect.set_options(timeout=WAIT_MS)


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    """``browser.new_context(**options)`` with the suite's generous waits."""
    context = browser.new_context(**options)
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    return context


@pytest.fixture
def chromium() -> Iterator[Browser]:
    """A Chromium for one test (Playwright's sync API allows one running instance at a time)."""
    # Playwright's sync API keeps an event loop in this thread; Django's ORM must still run here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def open_page(chromium: Browser) -> Iterator[Callable[..., Page]]:
    """``open_page(width=1280, color_scheme="light")`` gives a fresh page in a new context."""
    contexts: list[BrowserContext] = []

    def _open(width: int = 1280, height: int = 900, color_scheme: str = "light") -> Page:
        context = new_context(
            chromium, viewport={"width": width, "height": height}, color_scheme=color_scheme
        )
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def demo_newsroom(live_server) -> str:
    """The demo content (sections, authors, articles, pictures), served live; returns base URL."""
    build_demo()
    return live_server.url


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core's default rule set on the loaded page; return its violations, shortened."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make node_modules/.installed`")
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [
                " ".join(n["target"]) if isinstance(n["target"], list) else n["target"]
                for n in v["nodes"]
            ][:5],
        }
        for v in violations
    ]


def save_json(name: str, data: Any) -> Path:
    path = ARTIFACTS / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False))
    return path


def screenshot(page: Page, name: str) -> Path:
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Scroll through once so lazily loaded pictures below the fold are in the picture too.
    page.evaluate(
        """async () => {
          for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
            scrollTo(0, y);
            await new Promise(resolve => setTimeout(resolve, 40));
          }
          scrollTo(0, 0);
        }"""
    )
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(path), full_page=True)
    return path
