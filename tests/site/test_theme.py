"""Rules every reader page keeps: one h1, landmarks, skip link, no blocking or foreign loads."""

from urllib.parse import urlsplit

import pytest

from tests import factories
from tests.site.conftest import START, publish, soup

pytestmark = pytest.mark.django_db

# attribute holding a URL the browser fetches on its own, per element
FETCHED = {"img": ("src", "srcset"), "source": ("srcset",), "script": ("src",), "iframe": ("src",)}


@pytest.fixture
def pages(newsroom):
    photo = factories.make_photo("quay")
    article = publish(
        newsroom["city"],
        "Quay lights switched on",
        at=START,
        authors=[newsroom["ada"]],
        tags=["harbour"],
        hero_image=photo,
        body="The lights came on at dusk.",
    )
    publish(newsroom["city"], "Quay bins emptied", at=START, tags=["harbour"], hero_image=photo)
    return {
        "front": ("/", 200),
        "section": ("/city/", 200),
        "article": (article.url, 200),
        "author": ("/authors/ada-brennan/", 200),
        "topic": ("/topics/harbour/", 200),
        "search": ("/search/?q=quay", 200),
        "archive": ("/archive/2026/03/", 200),
        "not found": ("/missing/page/", 404),
    }


def _urls_fetched(html) -> list[str]:
    urls = []
    for tag, attributes in FETCHED.items():
        for element in html.find_all(tag):
            for attribute in attributes:
                value = element.get(attribute) or ""
                urls += [part.split()[0] for part in value.split(",") if part.strip()]
    for link in html.find_all("link", href=True):
        if {"stylesheet", "preload", "icon", "modulepreload"} & set(link.get("rel", [])):
            urls.append(link["href"])
    return urls


def test_every_page_has_one_h1_landmarks_and_a_working_skip_link(client, pages):
    for name, (url, status) in pages.items():
        html = soup(client, url, status)
        assert len(html.find_all("h1")) == 1, name
        assert html.html.get("lang"), name
        skip = html.select_one("body > a.skip-link")
        assert skip["href"] == "#main" and html.find(id="main").name == "main", name
        assert html.find("header", class_="masthead") and html.find("footer"), name
        assert html.find("nav", attrs={"aria-label": "Sections"}), name
        assert len(html.find_all("main")) == 1, name


def test_no_page_loads_anything_from_another_host_or_blocks_on_scripts(client, pages):
    for name, (url, status) in pages.items():
        html = soup(client, url, status)
        for fetched in _urls_fetched(html):
            assert not urlsplit(fetched).netloc, (name, fetched)
        for script in html.find_all("script", src=True):
            assert (
                script.has_attr("defer")
                or script.has_attr("async")
                or (script.get("type") == "module")
            ), (name, script)
        sheets = html.find_all("link", rel="stylesheet")
        assert [sheet["href"] for sheet in sheets][:1] == ["/static/site/css/site.css"], name
        assert html.find("meta", attrs={"name": "color-scheme"}), name


def test_pictures_are_responsive_with_dimensions(client, pages):
    for name in ("front", "section", "article", "topic"):
        html = soup(client, pages[name][0])
        images = html.select("main img")
        assert images, name
        for img in images:
            assert img["width"] and img["height"] and img.get("alt") is not None, (name, img)
            assert img.parent.name == "picture" and img.get("srcset"), (name, img)


def test_article_hero_offers_avif_and_webp_and_loads_at_once(client, pages):
    html = soup(client, pages["article"][0])
    hero = html.select_one(".article__hero picture")
    assert [s["type"] for s in hero.find_all("source")] == ["image/avif", "image/webp"]
    img = hero.img
    assert img.get("loading") is None and img["fetchpriority"] == "high"
    assert img["src"].endswith(".jpg")


def test_section_page_marks_its_navigation_link_as_current(client, pages):
    nav = soup(client, "/city/").find("nav", attrs={"aria-label": "Sections"})
    assert [a.get_text() for a in nav.select("a[aria-current=page]")] == ["City"]
    assert not soup(client, "/").select("nav a[aria-current]")


def test_masthead_search_box_is_labelled(client, pages):
    html = soup(client, "/")
    search = html.select_one(".masthead form[role=search]")
    field = search.find("input", attrs={"name": "q"})
    assert html.find("label", attrs={"for": field["id"]})
    assert search["action"] == "/search/"
