"""sitemap.xml (an index of paginated sections), the Google News sitemap and robots.txt."""

from datetime import datetime, timedelta
from xml.etree.ElementTree import Element  # noqa: S405 - only the type; parsing is defusedxml

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from tests import factories
from tests.feeds.conftest import PUBLISHED, SITE_NAME, count_queries, make_hidden, make_many

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def parse(client, url: str) -> Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def entries(root: Element) -> dict[str, datetime]:
    """``loc`` → ``lastmod`` of every entry; fails if an entry has no lastmod."""
    found = {}
    for entry in root:
        assert entry.tag in {f"{SM}url", f"{SM}sitemap"}
        lastmod = entry.findtext(f"{SM}lastmod")
        assert lastmod, f"no lastmod for {entry.findtext(f'{SM}loc')}"
        found[entry.findtext(f"{SM}loc")] = datetime.fromisoformat(lastmod)
    return found


def all_locations(client, section: str) -> dict[str, datetime]:
    """Every entry of one sitemap section, following the pages the index lists."""
    index = entries(parse(client, "/sitemap.xml"))
    pages = [loc for loc in index if loc.split("?")[0].endswith(f"/sitemap-{section}.xml")]
    found: dict[str, datetime] = {}
    for page in pages:
        found |= entries(parse(client, page.removeprefix("http://testserver")))
    return found


def test_index_lists_each_section_with_its_latest_change(client, article):
    root = parse(client, "/sitemap.xml")
    assert root.tag == f"{SM}sitemapindex"
    assert entries(root) == {
        f"http://testserver/sitemap-{name}.xml": PUBLISHED
        for name in ("pages", "articles", "authors", "topics")
    }


def test_index_paginates_long_sections(client, settings, section, author, site):
    settings.BROADSHEET_SITEMAP_PAGE_SIZE = 2
    stories = make_many(section, author, 4)
    index = entries(parse(client, "/sitemap.xml"))
    assert [loc for loc in index if "sitemap-articles" in loc] == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-articles.xml?p=2",
        "http://testserver/sitemap-articles.xml?p=3",
    ]
    pages = [entries(parse(client, f"/sitemap-articles.xml?p={p}")) for p in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    # Oldest first, so that adding articles only ever changes the last page.
    assert next(iter(pages[0])) == "http://testserver/city/earlier-flood/"
    assert next(iter(pages[2])) == stories[0].get_full_url()
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_articles_sitemap_lists_live_public_articles_with_update_time(client, article):
    other = factories.make_article(article.get_parent(), title="Ferry timetable changes")
    make_hidden(article.get_parent(), article.article_authors.first().author)
    article.body = factories.paragraphs("The bridge opened at dawn, two weeks early.")
    article.save_revision().publish()
    article.refresh_from_db()
    assert all_locations(client, "articles") == {
        "http://testserver/city/harbour-bridge-reopens/": article.updated_at,
        "http://testserver/city/ferry-timetable-changes/": other.first_published_at,
    }


def test_pages_sitemap_dates_listings_by_their_newest_article(client, article, sport):
    sport.save_revision().publish()  # a section without articles: when it was published
    sport.refresh_from_db()
    assert all_locations(client, "pages") == {
        "http://testserver/": PUBLISHED,
        "http://testserver/city/": PUBLISHED,
        "http://testserver/sport/": sport.last_published_at,
    }


def test_author_and_topic_sitemaps_list_only_those_with_live_articles(client, article, section):
    idle = factories.make_author(name="Dara Quill", slug="dara-quill")
    factories.make_article(
        section, title="Unpublished", authors=[idle], tags=["Draft"], publish=False
    )
    assert all_locations(client, "authors") == {
        "http://testserver/authors/ada-brennan/": PUBLISHED,
        "http://testserver/authors/bo-lindqvist/": PUBLISHED,
    }
    assert all_locations(client, "topics") == {
        "http://testserver/topics/harbour/": PUBLISHED,
        "http://testserver/topics/transport/": PUBLISHED,
    }


def test_unknown_sitemap_section_is_not_found(client, article):
    assert client.get("/sitemap-everything.xml").status_code == 404


def test_news_sitemap_lists_the_last_48_hours(client, section, author, site):
    now = timezone.now()
    fresh = factories.make_article(
        section,
        title="Floodgates & sluices closed",
        slug="floodgates",
        authors=[author],
        first_published_at=now - timedelta(hours=47),
    )
    factories.make_article(
        section, title="Old news", authors=[author], first_published_at=now - timedelta(hours=49)
    )
    make_hidden(section, author)
    root = parse(client, "/sitemap-news.xml")
    assert root.tag == f"{SM}urlset"
    [url] = root.findall(f"{SM}url")
    assert url.findtext(f"{SM}loc") == "http://testserver/city/floodgates/"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == SITE_NAME
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    published = datetime.fromisoformat(news.findtext(f"{NEWS}publication_date"))
    assert published == fresh.first_published_at
    assert news.findtext(f"{NEWS}title") == "Floodgates & sluices closed"


def test_news_sitemap_may_be_empty(client, article):
    assert parse(client, "/sitemap-news.xml").findall(f"{SM}url") == []


def test_robots_txt_names_the_sitemaps_and_keeps_crawlers_out_of_the_admin(client, site):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines


SITEMAP_URLS = [
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-articles.xml",
    "/sitemap-authors.xml",
    "/sitemap-topics.xml",
    "/sitemap-news.xml",
]


def test_sitemap_queries_do_not_grow_with_the_number_of_articles(client, section, author, site):
    [first, *_] = make_many(section, author, 3)
    small = {url: count_queries(client, url) for url in SITEMAP_URLS}
    others = [factories.make_author(name=f"Writer {i}", slug=f"writer-{i}") for i in range(4)]
    for i, writer in enumerate(others):
        make_many(section, writer, 4, linked=first, tags=(f"Topic {i}",), prefix=f"Batch {i}")
    large = {url: count_queries(client, url) for url in SITEMAP_URLS}
    assert len(all_locations(client, "articles")) == 4 + 4 * 4
    assert large == small
    print("\nsitemap queries (4 and 20 articles):", small)
