"""The breaking news banner as a reader sees it in Chromium: there from the first paint (no
layout shift), accessible in light and dark, dismissed for good with one click, and shown
without JavaScript too. That it reaches pages Varnish has cached is tests/e2e/test_stack.py."""

import pytest
from playwright.sync_api import Page, expect
from wagtail.models import Site

from broadsheet.articles.models import ArticlePage
from broadsheet.site import breaking
from tests.browser.conftest import axe_violations, new_context, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Every layout shift the page makes from its first byte, summed as Cumulative Layout Shift
# counts them (shifts right after a click or key press are the reader's own and do not count).
MEASURE_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});
"""


def layout_shift(page: Page) -> float:
    page.wait_for_load_state("load")
    # Let the observer deliver what the last frames recorded.
    page.evaluate("() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)))")
    return page.evaluate("window.__shifts.reduce((sum, value) => sum + value, 0)")


@pytest.fixture
def banner_article(demo_newsroom) -> str:
    article = ArticlePage.objects.live().order_by("-published_at").first()
    site = Site.objects.get(is_default_site=True)
    breaking.set_banner(site.pk, text="Quay Street closed after a fire", link=article.url)
    return demo_newsroom + article.url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_banner_is_there_from_the_first_paint_and_passes_axe(banner_article, chromium, scheme):
    context = new_context(chromium, viewport={"width": 390, "height": 844}, color_scheme=scheme)
    context.add_init_script(MEASURE_SHIFTS)
    page = context.new_page()
    page.goto(banner_article)

    banner = page.get_by_role("complementary", name="Breaking news")
    expect(banner).to_be_visible()
    expect(banner.get_by_role("link")).to_have_text("Quay Street closed after a fire")
    assert layout_shift(page) == 0
    assert axe_violations(page) == []
    screenshot(page, f"breaking-news-{scheme}")
    context.close()


def test_a_dismissed_banner_stays_away_across_pages(banner_article, chromium, demo_newsroom):
    context = new_context(chromium, viewport={"width": 1280, "height": 900})
    context.add_init_script(MEASURE_SHIFTS)
    page = context.new_page()
    page.goto(banner_article)
    banner = page.get_by_role("complementary", name="Breaking news")

    banner.get_by_role("button", name="Dismiss").click()
    expect(banner).to_have_count(0)

    page.goto(demo_newsroom + "/")
    expect(page.locator("[data-breaking]")).to_be_hidden()  # hidden before the first paint
    assert layout_shift(page) == 0
    # A new banner is news again: it shows, though the last one was dismissed.
    breaking.set_banner(Site.objects.get(is_default_site=True).pk, text="Quay Street reopens")
    page.reload()
    expect(page.get_by_role("complementary", name="Breaking news")).to_contain_text(
        "Quay Street reopens"
    )
    context.close()


def test_without_javascript_the_banner_shows_and_offers_no_dead_button(banner_article, chromium):
    context = new_context(chromium, java_script_enabled=False)
    page = context.new_page()
    page.goto(banner_article)
    banner = page.get_by_role("complementary", name="Breaking news")
    expect(banner).to_contain_text("Quay Street closed after a fire")
    expect(banner.get_by_role("button")).to_have_count(0)
    context.close()
