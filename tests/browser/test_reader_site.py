"""A reader's way through the site in Chromium, and axe-core on every kind of reader page."""

from collections import Counter
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page, expect

from broadsheet.articles.models import ArticlePage
from tests.browser.conftest import ARTIFACTS, axe_violations, save_json, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def _no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _step(page: Page, shot: str, heading: str | None = None) -> None:
    expect(page.locator("h1")).to_have_count(1)
    if heading is not None:
        expect(page.locator("h1")).to_have_text(heading)
    assert _no_sideways_scroll(page), f"{page.url} scrolls sideways"
    screenshot(page, shot)


@pytest.mark.parametrize("width", [1280, 390])
def test_reader_goes_from_front_page_to_search_and_finds_the_feeds(demo_newsroom, open_page, width):
    page = open_page(width=width)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(demo_newsroom + "/")
    _step(page, f"journey-{width}-1-front")
    expect(page.locator(".article-card--lead img")).to_be_visible()

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="City").click()
    page.wait_for_url("**/city/")
    _step(page, f"journey-{width}-2-section", "City")

    headline = page.locator(".article-card__headline a").first
    title = headline.inner_text()
    headline.click()
    expect(page.locator("h1.article__headline")).to_have_text(title)
    hero = page.locator(".article__hero img")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0"), "hero did not load"
    _step(page, f"journey-{width}-3-article")

    byline = page.locator(".article__byline a").first
    author = byline.inner_text()
    byline.click()
    page.wait_for_url("**/authors/**")
    _step(page, f"journey-{width}-4-author", author)
    expect(page.get_by_role("link", name=title)).to_be_visible()

    page.go_back()
    topic = page.locator(".topics a").first
    topic_name = topic.inner_text()
    topic.click()
    page.wait_for_url("**/topics/**")
    _step(page, f"journey-{width}-5-topic", topic_name)
    expect(page.get_by_role("link", name=title)).to_be_visible()

    search = page.get_by_role("search", name="Site search")
    search.get_by_role("searchbox").fill("harbour")
    search.get_by_role("searchbox").press("Enter")
    page.wait_for_url("**/search/?q=harbour")
    _step(page, f"journey-{width}-6-search", "Search")
    expect(page.locator(".result").first).to_be_visible()
    expect(page.locator(".result__headline mark").first).to_have_text("Harbour", ignore_case=True)

    feeds = page.locator("head link[rel=alternate]")
    types = [feeds.nth(i).get_attribute("type") for i in range(feeds.count())]
    assert set(types) & set(FEED_TYPES), f"no feed advertised: {types}"
    href = feeds.first.get_attribute("href")
    feed = page.request.get(urljoin(page.url, href))
    assert feed.ok and (
        "xml" in feed.headers["content-type"] or "json" in feed.headers["content-type"]
    )

    foreign = [url for url in requested if not url.startswith(demo_newsroom)]
    assert foreign == [], "requests to other hosts"


def _reader_pages(base: str) -> dict[str, str]:
    live = ArticlePage.objects.live()
    rich = max(live, key=lambda a: (a.corrections.exists(), bool(a.source_outlet), len(a.body)))
    author = rich.article_authors.select_related("author").first().author
    tags = Counter(tag.slug for article in live for tag in article.tags.all())
    return {
        "front": base + "/",
        "section": base + rich.get_parent().url,
        "article": base + rich.url,
        "author": base + author.get_absolute_url(),
        "topic": base + f"/topics/{tags.most_common(1)[0][0]}/",
        "search": base + "/search/?q=harbour",
        "not-found": base + "/no-such-page/",
    }


def test_axe_reports_no_violations_in_light_and_dark(demo_newsroom, open_page):
    pages = _reader_pages(demo_newsroom)
    report: dict[str, dict[str, list]] = {}
    for scheme in ("light", "dark"):
        page = open_page(color_scheme=scheme)
        for name, url in pages.items():
            response = page.goto(url)
            assert response.status == (404 if name == "not-found" else 200), url
            report[f"{scheme}/{name}"] = axe_violations(page)
            if scheme == "dark":
                screenshot(page, f"dark-{name}")
    save_json("axe/reader-pages.json", report)
    found = {key: value for key, value in report.items() if value}
    assert found == {}, found


def test_pages_fit_a_320_pixel_screen(demo_newsroom, open_page):
    page = open_page(width=320, height=640)
    for name, url in _reader_pages(demo_newsroom).items():
        page.goto(url)
        assert _no_sideways_scroll(page), f"{name} scrolls sideways at 320 px"
        screenshot(page, f"narrow-320-{name}")


@pytest.mark.parametrize("width", [390, 320])
def test_every_section_link_is_in_view_on_a_phone(demo_newsroom, open_page, width):
    page = open_page(width=width, height=800)
    page.goto(demo_newsroom + "/")
    links = page.get_by_role("navigation", name="Sections").get_by_role("link")
    assert links.count() >= 5
    boxes = links.evaluate_all(
        "els => els.map(el => [el.textContent.trim(), el.getBoundingClientRect().left,"
        " el.getBoundingClientRect().right])"
    )
    for name, left, right in boxes:
        assert 0 <= left and right <= width, f"{name} is cut off at {width} px"
    assert _no_sideways_scroll(page)
    page.locator(".masthead").screenshot(path=ARTIFACTS / "screenshots" / f"masthead-{width}.png")
