"""What a reader sees of an article in a real browser (Debian's Chromium via Playwright)."""

from pathlib import Path

import pytest

from broadsheet.articles.models import ArticlePage
from tests import factories

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def browser_page(open_page):
    return open_page(width=1280, height=900)


@pytest.fixture
def article() -> ArticlePage:
    home = factories.make_home()
    section = factories.make_section(home)
    author = factories.make_author(role="Harbour reporter")
    return factories.make_article(
        section,
        title="Night ferry returns to the estuary",
        authors=[author],
        hero_image=factories.make_photo("ferry", credit="Lena Achterberg"),
        body=factories.paragraphs(*(["The crossing takes forty minutes each way."] * 30)),
        source_outlet="Coastline Press Agency",
        source_headline="Estuary night sailings restored",
        source_url="https://coastline.example.org/night-ferry",
    )


def test_reader_sees_the_article_parts_top_to_bottom(live_server, browser_page, article):
    page = browser_page
    response = page.goto(live_server.url + article.url)
    assert response.status == 200
    selectors = [
        ".article__published",
        ".article__reading-time",
        "h1",
        ".article__standfirst",
        ".article__byline",
        ".article__hero img",
        ".article__body",
        ".article__source",
        "#comments",
    ]
    tops = [page.locator(selector).first.bounding_box()["y"] for selector in selectors]
    assert tops == sorted(tops), dict(zip(selectors, tops, strict=True))
    assert page.locator(".article__reading-time").inner_text() == (
        f"Reading time: {article.reading_minutes} min"
    )
    hero = page.locator(".article__hero img")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0"), "hero image did not load"
    assert page.locator(".article__source a").get_attribute("href") == (
        "https://coastline.example.org/night-ferry"
    )
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "article-page.png", full_page=True)


def test_byline_link_opens_the_author_page(live_server, browser_page, article):
    page = browser_page
    page.goto(live_server.url + article.url)
    page.locator(".article__byline a").first.click()
    page.wait_for_url("**/authors/ada-brennan/")
    assert page.locator("h1").text_content().strip() == "Ada Brennan"
    assert page.get_by_role("link", name="Night ferry returns to the estuary").is_visible()
