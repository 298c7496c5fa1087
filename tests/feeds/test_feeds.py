"""RSS, Atom and JSON Feed for the site, a section, a topic and an author, parsed as readers do."""

import json
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from broadsheet.feeds.selectors import FEED_SIZE
from tests import factories
from tests.feeds.conftest import PUBLISHED, SITE_NAME, count_queries, make_hidden, make_many

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom", "json"]
SCOPES = {
    "site": {},
    "section": {"slug": "city"},
    "topic": {"slug": "sallow"},
    "author": {"slug": "ada-brennan"},
}


def feed_url(scope: str, fmt: str, **kwargs) -> str:
    return reverse(f"feeds:{scope}", kwargs={"fmt": fmt, **kwargs})


def parse_xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def parse_json(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    return json.loads(response.content)


def titles(client, url: str) -> list[str]:
    if url.rstrip("/").endswith("json"):
        return [item["title"] for item in parse_json(client, url)["items"]]
    return [entry.title for entry in parse_xml(client, url).entries]


def assert_valid_json_feed(document: dict) -> None:
    """The fields JSON Feed 1.1 requires, with the types it gives them."""
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(document["title"], str) and document["title"]
    assert document["home_page_url"].startswith("http://testserver/")
    assert document["feed_url"].startswith("http://testserver/feeds/")
    assert isinstance(document["items"], list)
    for item in document["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert ("content_html" in item) != ("content_text" in item)
        assert item["url"].startswith("http://testserver/")
        datetime.fromisoformat(item["date_published"])
        datetime.fromisoformat(item["date_modified"])
        assert all(isinstance(a["name"], str) for a in item.get("authors", []))
        assert all(isinstance(tag, str) for tag in item.get("tags", []))


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_site_feed_items_carry_every_field(client, article, fmt):
    parsed = parse_xml(client, feed_url("site", fmt))
    assert parsed.version == {"rss": "rss20", "atom": "atom10"}[fmt]
    assert parsed.feed.title == SITE_NAME
    assert parsed.feed.link == "http://testserver/"
    [entry] = parsed.entries
    assert entry.title == "Harbour bridge reopens after repairs"
    assert entry.link == "http://testserver/city/harbour-bridge-reopens/"
    assert entry.id == f"tag:testserver,2025-12-06:article/{article.pk}"
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == PUBLISHED
    assert datetime(*entry.updated_parsed[:6], tzinfo=UTC) == PUBLISHED
    assert [a.name for a in entry.authors] == ["Ada Brennan", "Bo Lindqvist"]
    assert [tag.term for tag in entry.tags] == ["Harbour", "Transport"]
    assert entry.summary == "Crews finished two weeks early, the council said."
    assert "content" not in entry  # summary is the default
    assert entry.media_content[0]["url"].startswith("http://testserver/media/images/hero")
    assert entry.media_credit[0]["content"] == "Mira Osei"


def test_atom_authors_link_to_author_pages(client, article):
    [entry] = parse_xml(client, feed_url("site", "atom")).entries
    assert [a.href for a in entry.authors] == [
        "http://testserver/authors/ada-brennan/",
        "http://testserver/authors/bo-lindqvist/",
    ]


def test_json_feed_has_the_fields_the_spec_requires(client, article):
    document = parse_json(client, feed_url("site", "json"))
    assert_valid_json_feed(document)
    assert document["title"] == SITE_NAME
    [item] = document["items"]
    assert item["id"] == f"tag:testserver,2025-12-06:article/{article.pk}"
    assert item["title"] == "Harbour bridge reopens after repairs"
    assert item["content_text"] == item["summary"] == article.standfirst
    assert item["date_published"] == "2025-12-06T09:30:00+00:00"
    assert item["authors"][0] == {
        "name": "Ada Brennan",
        "url": "http://testserver/authors/ada-brennan/",
    }
    assert item["tags"] == ["Harbour", "Transport"]
    assert item["image"].startswith("http://testserver/media/images/hero")


@pytest.mark.parametrize("scope", SCOPES)
def test_every_feed_parses_and_lists_its_articles(client, section, sport, author, scope):
    make_many(section, author, 2)
    other = factories.make_author(name="Cal Ferris", slug="cal-ferris")
    factories.make_article(
        sport,
        title="Rowing club wins",
        authors=[other],
        tags=["Rowing"],
        first_published_at=PUBLISHED,
    )
    assert_valid_json_feed(parse_json(client, feed_url(scope, "json", **SCOPES[scope])))
    for fmt in FORMATS:
        listed = titles(client, feed_url(scope, fmt, **SCOPES[scope]))
        assert listed[:2] == ["River Sallow report 0", "River Sallow report 1"], fmt
        assert ("Rowing club wins" in listed) == (scope == "site"), fmt


def test_author_feed_includes_articles_written_with_others(client, article):
    assert titles(client, feed_url("author", "rss", slug="bo-lindqvist")) == [article.title]


def test_unpublished_scheduled_and_private_articles_never_appear(client, section, author):
    make_many(section, author, 1)
    hidden = make_hidden(section, author)
    assert not hidden["scheduled"].live and hidden["scheduled"].go_live_at
    for scope, kwargs in SCOPES.items():
        for fmt in FORMATS:
            listed = titles(client, feed_url(scope, fmt, **kwargs))
            assert "River Sallow report 0" in listed, (scope, fmt)
            assert not {page.title for page in hidden.values()} & set(listed), (scope, fmt)


def test_feed_keeps_only_the_newest_articles(client, section, author, site):
    for i in range(FEED_SIZE + 2):
        published = PUBLISHED + timedelta(minutes=i)
        factories.make_article(section, title=f"Tide table {i}", first_published_at=published)
    listed = titles(client, feed_url("site", "json"))
    assert listed == [f"Tide table {i}" for i in range(FEED_SIZE + 1, 1, -1)]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_full_text_setting_puts_whole_articles_in_xml_feeds(
    client, section, author, full_text, fmt
):
    [story] = make_many(section, author, 1)
    entry = next(
        e for e in parse_xml(client, feed_url("site", fmt)).entries if e.title == story.title
    )
    assert entry.summary == story.standfirst
    html = BeautifulSoup(entry.content[0].value, "html.parser")
    assert html.find("a", string="quay")["href"] == "http://testserver/city/earlier-flood/"
    assert html.h2.get_text() == "Along the Sallow"
    assert html.blockquote.get_text(strip=True) == "We saw it coming."
    assert html.img["src"].startswith("http://testserver/media/images/shared")
    assert html.img["alt"] == "Flooded quay"
    assert "The quay at noon." in html.figcaption.get_text()
    assert "Press pool" in html.figcaption.get_text()
    assert html.aside.li.get_text() == "4.2 metres"
    assert html.find("a", string="Earlier flood")["href"] == "http://testserver/city/earlier-flood/"


def test_full_text_setting_puts_html_in_json_feed(client, section, author, full_text):
    [story] = make_many(section, author, 1)
    document = parse_json(client, feed_url("site", "json"))
    assert_valid_json_feed(document)
    item = next(i for i in document["items"] if i["title"] == story.title)
    assert "content_text" not in item
    assert "<h2>Along the Sallow</h2>" in item["content_html"]
    assert item["summary"] == story.standfirst


def test_full_text_leaves_out_links_to_unpublished_pages(client, section, author, full_text):
    draft = factories.make_article(section, title="Unfinished", authors=[author], publish=False)
    make_many(section, author, 1, linked=draft)
    item = parse_json(client, feed_url("site", "json"))["items"][0]
    html = BeautifulSoup(item["content_html"], "html.parser")
    assert html.find("a", string="quay").get("href") is None
    assert "Unfinished" not in item["content_html"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_headlines_with_markup_characters_survive_every_format(client, section, author, fmt):
    factories.make_article(
        section,
        title="Fish & chips <b>not</b> on the menu",
        slug="fish-and-chips",
        authors=[author],
        standfirst='The "Harbour Arms" & its <kitchen>.',
    )
    url = feed_url("site", fmt)
    if fmt == "json":
        item = parse_json(client, url)["items"][0]
        title, summary = item["title"], item["summary"]
    else:
        entry = parse_xml(client, url).entries[0]
        title, summary = entry.title, BeautifulSoup(entry.summary, "html.parser").get_text()
    assert title == "Fish & chips <b>not</b> on the menu"
    assert summary == 'The "Harbour Arms" & its <kitchen>.'


def test_guid_survives_a_slug_change(client, article):
    before = parse_json(client, feed_url("site", "json"))["items"][0]
    article.slug = "bridge-reopens"
    article.save_revision().publish()
    after = parse_json(client, feed_url("site", "json"))["items"][0]
    assert after["id"] == before["id"]
    assert after["url"] == "http://testserver/city/bridge-reopens/"


def test_updated_article_reports_its_update_time(client, article):
    article.body = factories.paragraphs("The bridge opened at dawn, two weeks early.")
    article.save_revision().publish()
    article.refresh_from_db()
    item = parse_json(client, feed_url("site", "json"))["items"][0]
    assert item["date_published"] == "2025-12-06T09:30:00+00:00"
    assert datetime.fromisoformat(item["date_modified"]) == article.updated_at


def test_feed_sends_last_modified(client, article):
    response = client.get(feed_url("site", "rss"))
    assert response["Last-Modified"] == "Sat, 06 Dec 2025 09:30:00 GMT"


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/sections/nowhere/rss/",
        "/feeds/topics/nothing/atom/",
        "/feeds/authors/nobody/json/",
        "/feeds/xml/",
    ],
)
def test_unknown_feeds_are_not_found(client, article, url):
    assert client.get(url).status_code == 404


def test_section_feed_of_a_private_section_is_not_found(client, section, article):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")
    assert client.get(feed_url("section", "rss", slug="city")).status_code == 404


FEED_URLS = [feed_url(scope, fmt, **kwargs) for scope, kwargs in SCOPES.items() for fmt in FORMATS]


@pytest.mark.parametrize("mode", ["summary", "full text"])
def test_feed_queries_do_not_grow_with_the_number_of_articles(
    client, request, section, author, site, mode
):
    if mode == "full text":
        request.getfixturevalue("full_text")
    make_many(section, author, 3)
    small = {url: count_queries(client, url) for url in FEED_URLS}
    linked = factories.make_article(section, title="Another flood", authors=[author])
    make_many(section, author, 12, linked=linked, tags=("Sallow", "Quay"), prefix="Quay")
    large = {url: count_queries(client, url) for url in FEED_URLS}
    assert large == small
    print(f"\nfeed queries ({mode}, 3 and 15+ articles):", small)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_shared_feed_shows_a_new_article_on_the_next_request(client, article, section, fmt):
    url = feed_url("site", fmt)
    first = client.get(url)
    again = client.get(url)  # from the shared fragment
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Last-Modified"] == first["Last-Modified"]

    factories.make_article(section, title="Night ferry returns to the estuary", slug="night")

    assert "Night ferry returns to the estuary" in titles(client, url)
