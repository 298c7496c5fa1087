"""The article page as a reader receives it over HTTP."""

from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.rich_text import RichText

from broadsheet.caching import fragments
from broadsheet.core.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2025, 12, 6, 9, 30, tzinfo=UTC)


@pytest.fixture
def article(section, author):
    second = factories.make_author(name="Bo Lindqvist", slug="bo-lindqvist")
    return factories.make_article(
        section,
        title="Harbour bridge reopens after repairs",
        slug="harbour-bridge-reopens",
        authors=[author, second],
        first_published_at=PUBLISHED,
        hero_image=factories.make_photo("hero", credit="Mira Osei", default_caption="At dawn."),
        body=[
            *factories.paragraphs("Crews worked through the night &amp; finished early."),
            ("subheading", "What changes for drivers"),
            ("quote", {"text": "We are proud of the crews.", "attribution": "Mayor Ilse Varga"}),
            ("fact_box", {"title": "The bridge", "body": RichText("<ul><li>Built 1911</li></ul>")}),
        ],
        source_outlet="Northmarch Press Agency",
        source_headline="Bridge works end ahead of schedule",
        source_url="https://wire.example.org/bridge",
        corrections=[(datetime(2025, 12, 6, 12, 0, tzinfo=UTC), "The bridge was built in 1911.")],
        tags=["harbour", "transport"],
    )


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_article_lives_at_section_and_slug(client, article):
    assert article.url == "/city/harbour-bridge-reopens/"
    assert client.get("/city/harbour-bridge-reopens/").status_code == 200


def test_article_shows_its_parts_in_reading_order(client, article):
    html = _page(client, article.url)
    main = html.find("article")
    marks = [
        main.find("time", class_="article__published"),
        main.find(class_="article__reading-time"),
        main.find("h1"),
        main.find(class_="article__standfirst"),
        main.find(class_="article__byline"),
        main.find("figure", class_="article__hero"),
        main.find(class_="article__body"),
        main.find(class_="article__source"),
        main.find(class_="article__corrections"),
    ]
    assert all(marks), marks
    positions = [mark.sourceline * 10_000 + mark.sourcepos for mark in marks]
    assert positions == sorted(positions)
    comments = html.find("section", id="comments")
    assert comments.find("h2").get_text(strip=True) == "Comments (0)"
    assert comments.sourceline > main.find(class_="article__corrections").sourceline


def test_date_uses_site_format_and_machine_readable_datetime(client, article):
    time = _page(client, article.url).find("time", class_="article__published")
    assert time.get_text(strip=True) == "06.12.2025"
    assert time["datetime"] == "2025-12-06T09:30:00+00:00"


def test_date_follows_site_time_zone_and_format_settings(client, article):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(
        site=site, defaults={"time_zone": "Pacific/Auckland", "date_format": "j F Y"}
    )
    time = _page(client, article.url).find("time", class_="article__published")
    # 09:30 UTC on 6 December is 22:30 the same day in Auckland (UTC+13 in summer).
    assert time.get_text(strip=True) == "6 December 2025"


def test_reading_time_is_shown(client, article):
    text = _page(client, article.url).find(class_="article__reading-time").get_text(strip=True)
    assert text == f"Reading time: {article.reading_minutes} min"


def test_headline_is_the_only_h1(client, article):
    html = _page(client, article.url)
    assert [h.get_text(strip=True) for h in html.find_all("h1")] == [article.title]


def test_byline_links_every_author_in_order(client, article):
    byline = _page(client, article.url).find(class_="article__byline")
    links = [(a.get_text(), a["href"]) for a in byline.find_all("a")]
    assert links == [
        ("Ada Brennan", "/authors/ada-brennan/"),
        ("Bo Lindqvist", "/authors/bo-lindqvist/"),
    ]


def test_hero_image_has_alt_text_caption_and_credit(client, article):
    figure = _page(client, article.url).find("figure", class_="article__hero")
    assert figure.img["alt"] == "A picture called hero"
    assert "At dawn." in figure.figcaption.get_text()
    assert "Mira Osei" in figure.figcaption.get_text()


def test_body_blocks_render_as_semantic_html(client, article):
    body = _page(client, article.url).find(class_="article__body")
    assert "Crews worked through the night & finished early." in body.get_text()
    assert body.find("h2").get_text(strip=True) == "What changes for drivers"
    assert body.find("blockquote").get_text(strip=True) == "We are proud of the crews."
    assert "Mayor Ilse Varga" in body.find("figure", class_="pull-quote").figcaption.get_text()
    assert body.find("aside", class_="fact-box").find("li").get_text() == "Built 1911"


def test_source_attribution_links_the_original(client, article):
    source = _page(client, article.url).find(class_="article__source")
    assert " ".join(source.get_text().split()) == (
        "Originally reported by Northmarch Press Agency: Bridge works end ahead of schedule"
    )
    assert source.a["href"] == "https://wire.example.org/bridge"


def test_article_without_source_or_corrections_shows_neither(client, section, author):
    plain = factories.make_article(section, title="Plain story", authors=[author])
    html = _page(client, plain.url)
    assert html.find(class_="article__source") is None
    assert html.find(class_="article__corrections") is None


def test_corrections_are_listed_with_their_time(client, article):
    corrections = _page(client, article.url).find(class_="article__corrections")
    assert "The bridge was built in 1911." in corrections.get_text()
    assert corrections.time["datetime"] == "2025-12-06T12:00:00+00:00"


def test_related_article_block_links_the_other_article(client, section, author, article):
    follow_up = factories.make_article(
        section,
        title="Traffic returns to the bridge",
        authors=[author],
        body=[("related", {"article": article, "label": "Earlier"})],
    )
    related = _page(client, follow_up.url).find(class_="related-article")
    assert related.a["href"] == article.url
    assert related.a.get_text() == article.title


def test_article_page_query_count(client, article):
    client.get(article.url)  # warm what a running server remembers (site, page, navigation)
    fragments.forget_rendered()
    with CaptureQueriesContext(connection) as queries:
        client.get(article.url)
    # 1 for the generations: the content's (under it, the site, its settings, the page at
    # this path, whether and which pages are private, the sections and the comment settings
    # are remembered, see broadsheet.caching.fragments) and, known from the first request to this
    # path, the article's comments'. 4 for the article: authors, tags, hero photo,
    # corrections. 3 for comments: policy overrides, counts, one page of threads with their
    # replies. 5 for what follows: the previous and the next in the section, the article's
    # tags, the section's latest (no tags to share here), the related articles themselves:
    # each a short index walk, whatever the number of articles.
    assert len(queries) == 13, "\n".join(q["sql"] for q in queries.captured_queries)
    # The next anonymous reader gets the article, its metadata, the comment policy and threads
    # and what follows from shared fragments: only the generations are read.
    with CaptureQueriesContext(connection) as queries:
        client.get(article.url)
    assert len(queries) == 1, "\n".join(q["sql"] for q in queries.captured_queries)


def test_an_article_answers_only_at_its_own_address(client, home, article):
    assert client.get(article.url).status_code == 200
    factories.make_section(home, title="Sport", slug="sport")
    assert client.get(f"/sport/{article.slug}/").status_code == 404
    assert client.get(f"{article.url}more/").status_code == 404
    article.unpublish()
    assert client.get(article.url).status_code == 404
