"""Canonical links, Open Graph, Twitter cards, feed discovery and JSON-LD in page heads."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import resolve

from tests import factories

pytestmark = pytest.mark.django_db

SITE_NAME = "The Brennock Ledger"
ROOT = "http://testserver"


@pytest.fixture
def site(home):
    return factories.name_test_site(SITE_NAME)


@pytest.fixture
def article(site, section, author):
    second = factories.make_author(name="Bo Lindqvist", slug="bo-lindqvist")
    return factories.make_article(
        section,
        title="Harbour bridge reopens after repairs",
        slug="harbour-bridge-reopens",
        authors=[author, second],
        hero_image=factories.make_photo("hero", credit="Mira Osei"),
        body=factories.paragraphs("Crews worked through the night and finished early. " * 30),
        tags=["Harbour", "Transport"],
        source_outlet="Northmarch Press Agency",
        source_headline="Bridge works end ahead of schedule",
        source_url="https://wire.example.org/bridge",
    )


def head(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def json_ld(soup: BeautifulSoup) -> dict[str, dict]:
    """The JSON-LD blocks of a page, by ``@type``."""
    blocks = [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]
    return {block["@type"]: block for block in blocks}


def meta(soup: BeautifulSoup, key: str) -> list[str]:
    tags = soup.find_all("meta", property=key) or soup.find_all("meta", attrs={"name": key})
    return [tag["content"] for tag in tags]


def feeds(soup: BeautifulSoup) -> list[tuple[str, str, str]]:
    links = soup.find_all("link", rel="alternate")
    return [(link["type"], link["title"], link["href"]) for link in links]


def site_feeds() -> list[tuple[str, str, str]]:
    return [
        ("application/rss+xml", f"{SITE_NAME} – RSS", f"{ROOT}/feeds/rss/"),
        ("application/atom+xml", f"{SITE_NAME} – Atom", f"{ROOT}/feeds/atom/"),
        ("application/feed+json", f"{SITE_NAME} – JSON Feed", f"{ROOT}/feeds/json/"),
    ]


def test_article_has_canonical_open_graph_and_twitter_card(client, article):
    soup = head(client, article.url)
    canonical = f"{ROOT}/city/harbour-bridge-reopens/"
    assert soup.find("link", rel="canonical")["href"] == canonical
    assert meta(soup, "og:type") == ["article"]
    assert meta(soup, "og:url") == [canonical]
    assert meta(soup, "og:title") == [article.title]
    assert meta(soup, "og:description") == [article.standfirst]
    assert meta(soup, "og:site_name") == [SITE_NAME]
    [image] = meta(soup, "og:image")
    assert image.startswith(f"{ROOT}/media/images/hero") and ".width-1200." in image
    assert meta(soup, "og:image:alt") == ["A picture called hero"]
    assert meta(soup, "article:section") == ["City"]
    assert meta(soup, "article:tag") == ["Harbour", "Transport"]
    assert meta(soup, "article:author") == [
        f"{ROOT}/authors/ada-brennan/",
        f"{ROOT}/authors/bo-lindqvist/",
    ]
    assert meta(soup, "article:published_time") == [article.first_published_at.isoformat()]
    assert meta(soup, "twitter:card") == ["summary_large_image"]
    assert meta(soup, "twitter:image") == meta(soup, "og:image")


def test_article_json_ld_is_a_complete_news_article(client, article):
    data = json_ld(head(client, article.url))["NewsArticle"]
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title
    assert data["mainEntityOfPage"]["@id"] == f"{ROOT}{article.url}"
    assert data["datePublished"] == data["dateModified"]
    assert data["datePublished"].startswith(article.first_published_at.strftime("%Y-%m-%dT%H:%M"))
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Brennan", "url": f"{ROOT}/authors/ada-brennan/"},
        {"@type": "Person", "name": "Bo Lindqvist", "url": f"{ROOT}/authors/bo-lindqvist/"},
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "NewsMediaOrganization"
    assert publisher["name"] == SITE_NAME
    assert publisher["logo"]["url"] == f"{ROOT}/static/metadata/logo.png"
    assert data["image"][0]["url"].startswith(f"{ROOT}/media/images/hero")
    assert data["articleSection"] == "City"
    assert data["keywords"] == ["Harbour", "Transport"]
    assert data["wordCount"] == article.word_count == 5 + 8 + 8 * 30
    assert article.reading_minutes == 2
    assert data["timeRequired"] == "PT2M"
    assert data["isBasedOn"] == {
        "@type": "CreativeWork",
        "name": "Bridge works end ahead of schedule",
        "url": "https://wire.example.org/bridge",
        "publisher": {"@type": "Organization", "name": "Northmarch Press Agency"},
    }


def test_publisher_logo_is_a_static_file_we_ship():
    assert finders.find("metadata/logo.png")
    assert finders.find("metadata/logo.svg")


def test_updated_article_reports_date_modified(client, article):
    article.body = factories.paragraphs("A new paragraph changes the story.")
    article.save_revision().publish()
    article.refresh_from_db()
    data = json_ld(head(client, article.url))["NewsArticle"]
    assert data["dateModified"].startswith(article.updated_at.strftime("%Y-%m-%dT%H:%M:%S"))
    assert data["dateModified"] > data["datePublished"]


def test_article_without_source_or_hero_leaves_them_out(client, section, author, site):
    plain = factories.make_article(section, title="Plain story", authors=[author])
    soup = head(client, plain.url)
    data = json_ld(soup)["NewsArticle"]
    assert "isBasedOn" not in data and "image" not in data and "keywords" not in data
    assert meta(soup, "twitter:card") == ["summary"]
    assert meta(soup, "og:image") == [f"{ROOT}/static/metadata/logo.png"]


def test_article_and_section_have_breadcrumbs(client, article):
    crumbs = json_ld(head(client, article.url))["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, SITE_NAME, f"{ROOT}/"),
        (2, "City", f"{ROOT}/city/"),
        (3, article.title, f"{ROOT}{article.url}"),
    ]
    crumbs = json_ld(head(client, "/city/"))["BreadcrumbList"]["itemListElement"]
    assert [c["item"] for c in crumbs] == [f"{ROOT}/", f"{ROOT}/city/"]


def test_headline_cannot_break_out_of_the_json_ld_script(client, section, author, site):
    attack = "</script><script>alert(1)</script>"
    story = factories.make_article(section, title=attack, slug="attack", authors=[author])
    response = client.get(story.url)
    assert b"<script>alert(1)" not in response.content
    soup = head(client, story.url)
    assert soup.find_all("script", type=False) == []  # no script element without a type
    data = json_ld(soup)
    assert data["NewsArticle"]["headline"] == attack
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == attack


def test_front_page_describes_the_website_and_its_search(client, article):
    soup = head(client, "/")
    data = json_ld(soup)
    action = data["WebSite"]["potentialAction"]
    assert data["WebSite"]["url"] == f"{ROOT}/"
    assert data["WebSite"]["name"] == SITE_NAME
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == f"{ROOT}/search/?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    assert data["NewsMediaOrganization"]["logo"]["url"] == f"{ROOT}/static/metadata/logo.png"
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/"
    assert feeds(soup) == site_feeds()


def test_search_action_targets_the_search_page(client, article):
    template = json_ld(head(client, "/"))["WebSite"]["potentialAction"]["target"]["urlTemplate"]
    url = template.replace("{search_term_string}", "bridge").removeprefix(ROOT)
    assert resolve(url.split("?")[0]).view_name == "site:search"
    assert client.get(url).status_code == 200


def test_author_page_is_a_profile_of_a_person(client, article, author):
    author.photo = factories.make_photo("portrait")
    author.save()
    soup = head(client, "/authors/ada-brennan/")
    profile = json_ld(soup)["ProfilePage"]
    person = profile["mainEntity"]
    assert profile["url"] == f"{ROOT}/authors/ada-brennan/"
    assert person["@type"] == "Person"
    assert person["name"] == "Ada Brennan"
    assert person["jobTitle"] == "City hall reporter"
    assert person["description"] == "Covers the council."
    assert person["image"]["url"].startswith(f"{ROOT}/media/images/portrait")
    assert meta(soup, "og:type") == ["profile"]
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/authors/ada-brennan/"


@pytest.mark.parametrize(
    ("url", "own_feeds"),
    [
        ("/city/", [("City", "/feeds/sections/city/")]),
        ("/topics/harbour/", [("Harbour", "/feeds/topics/harbour/")]),
        ("/authors/ada-brennan/", [("Ada Brennan", "/feeds/authors/ada-brennan/")]),
        (
            "/city/harbour-bridge-reopens/",
            [("Comments on “Harbour bridge reopens after repairs”", "/feeds/comments/{pk}/")],
        ),
        ("/search/?q=bridge", []),
    ],
)
def test_pages_advertise_the_site_feed_and_their_own(client, article, url, own_feeds):
    expected = site_feeds()
    for label, path in own_feeds:
        expected += [
            ("application/rss+xml", f"{label} – RSS", f"{ROOT}{path.format(pk=article.pk)}rss/"),
            ("application/atom+xml", f"{label} – Atom", f"{ROOT}{path.format(pk=article.pk)}atom/"),
            (
                "application/feed+json",
                f"{label} – JSON Feed",
                f"{ROOT}{path.format(pk=article.pk)}json/",
            ),
        ]
    advertised = feeds(head(client, url))
    assert advertised == expected
    for mime_type, _title, href in advertised:
        response = client.get(href.removeprefix(ROOT))
        assert response.status_code == 200, href
        assert response["Content-Type"].startswith(mime_type)


def test_canonical_keeps_only_the_parameters_that_change_the_page(
    client, settings, article, section
):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 1
    factories.make_article(section, title="Second story")
    soup = head(client, "/city/?page=2&utm_source=newsletter")
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/city/?page=2"
    soup = head(client, "/topics/harbour/?page=1&ref=x")
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/topics/harbour/"


def test_every_page_kind_has_open_graph_basics(client, article):
    for url in ["/", "/city/", article.url, "/authors/ada-brennan/", "/topics/harbour/"]:
        soup = head(client, url)
        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card"):
            assert meta(soup, key) and meta(soup, key)[0], (url, key)


def test_topic_page_has_canonical_and_breadcrumbs(client, article):
    soup = head(client, "/topics/harbour/")
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}/topics/harbour/"
    assert meta(soup, "og:title") == ["Harbour"]
    crumbs = json_ld(soup)["BreadcrumbList"]["itemListElement"]
    assert [c["item"] for c in crumbs] == [f"{ROOT}/", f"{ROOT}/topics/harbour/"]


def test_other_pages_get_a_canonical_link_and_the_site_feeds(client, article):
    year, month = article.first_published_at.year, article.first_published_at.month
    url = f"/archive/{year}/{month:02d}/"
    soup = head(client, url + "?utm_campaign=x")
    assert soup.find("link", rel="canonical")["href"] == f"{ROOT}{url}"
    assert feeds(soup) == site_feeds()


def test_absolute_urls_follow_the_host_and_scheme_of_the_request(client, settings, article):
    settings.ALLOWED_HOSTS = ["news.example.org"]
    response = client.get(article.url, headers={"host": "news.example.org"}, secure=True)
    soup = BeautifulSoup(response.content, "html.parser").head
    canonical = "https://news.example.org/city/harbour-bridge-reopens/"
    assert soup.find("link", rel="canonical")["href"] == canonical
    assert json_ld(soup)["NewsArticle"]["publisher"]["url"] == "https://news.example.org/"
    feed = client.get("/feeds/json/", headers={"host": "news.example.org"}, secure=True)
    assert json.loads(feed.content)["items"][0]["url"] == canonical
