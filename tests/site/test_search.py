"""Search at /search/: the full-text index, ranking, highlights, filters, odd queries.

Written to pass on SQLite (FTS5) and on PostgreSQL (full text) alike: expectations hold for both
tokenisers; the only vendor-specific lines check which index the backend reads.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from broadsheet.articles.models import ArticlePage
from broadsheet.site.search import MAX_TERMS, parse_query, search_articles
from tests import factories
from tests.site.conftest import START, count_queries, publish, publish_many, soup

pytestmark = pytest.mark.django_db


def _results(client, query: str) -> list[str]:
    html = soup(client, f"/search/?{query}")
    return [h.get_text() for h in html.select(".result__headline")]


def _search(query: str) -> list[str]:
    return [a.title for a in search_articles(None, parse_query(query)).items]


# ---- The index really is full text ----------------------------------------------------------


def test_backend_is_the_database_full_text_index_not_the_like_fallback(newsroom):
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        assert type(backend).__name__ == "SQLiteSearchBackend"
        assert "wagtailsearch_indexentry_fts" in connection.introspection.table_names()
    else:
        assert connection.vendor == "postgresql"
        assert type(backend).__name__ == "PostgresSearchBackend"
    assert type(backend).__module__ != "modelsearch.backends.database.fallback"


def test_search_reads_the_full_text_index(newsroom):
    publish(newsroom["city"], "Harbour wall repaired", at=START)
    with CaptureQueriesContext(connection) as queries:
        assert _search("harbour") == ["Harbour wall repaired"]
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    if connection.vendor == "sqlite":
        assert "wagtailsearch_indexentry_fts" in sql and " MATCH " in sql
    else:
        assert "@@" in sql and "to_tsquery" in sql


def test_words_match_whole_words_not_fragments(newsroom):
    # A LIKE scan would find "harb" inside "harbour"; a full-text index does not.
    publish(newsroom["city"], "Harbour wall repaired", at=START)
    assert _search("harb") == []
    assert _search("HARBOUR") == ["Harbour wall repaired"]


# ---- What is searched, and what never shows ---------------------------------------------------


def test_headline_standfirst_body_tags_and_authors_are_searched(newsroom):
    city = newsroom["city"]
    author = factories.make_author(name="Ingrid Solberg", slug="ingrid-solberg")
    publish(city, "Headline about lighthouses", at=START)
    publish(city, "Second", at=START, standfirst="A standfirst about tugboats.")
    publish(city, "Third", at=START, body="Deep in the body: cormorants nest here.")
    publish(city, "Fourth", at=START, tags=["lifeboat station"])
    publish(city, "Fifth", at=START, authors=[author])
    assert _search("lighthouses") == ["Headline about lighthouses"]
    assert _search("tugboats") == ["Second"]
    assert _search("cormorants") == ["Third"]
    assert _search("lifeboat") == ["Fourth"]
    assert _search("Solberg") == ["Fifth"]


def test_unpublished_scheduled_and_restricted_articles_never_appear(client, newsroom):
    city = newsroom["city"]
    publish(city, "Visible kelp story", at=START)
    factories.make_article(city, title="Draft kelp story", publish=False)
    factories.make_article(
        city, title="Scheduled kelp story", go_live_at=timezone.now() + timedelta(days=2)
    )
    withdrawn = publish(city, "Withdrawn kelp story", at=START)
    withdrawn.unpublish()
    restricted = publish(newsroom["sport"], "Members kelp story", at=START)
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    assert ArticlePage.objects.filter(title="Scheduled kelp story", live=False).exists()
    assert _results(client, "q=kelp") == ["Visible kelp story"]


# ---- Ranking and highlights -------------------------------------------------------------------


def test_headline_matches_come_first(newsroom):
    city = newsroom["city"]
    publish(city, "Quay news", at=START + timedelta(days=2), body="ferry " * 40)
    publish(city, "Ferry timetable changes", at=START)
    publish(city, "Other news", at=START + timedelta(days=1), standfirst="The ferry is late.")
    results = _search("ferry")
    assert results[0] == "Ferry timetable changes"
    assert set(results[1:]) == {"Quay news", "Other news"}


def test_headline_matches_come_first_across_pages(client, newsroom, settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 2
    city = newsroom["city"]
    publish_many(city, 3, prefix="Gulls", body="Nothing here.")
    publish_many(city, 3, prefix="Story", body="The gulls came back.")
    pages = [_results(client, "q=gulls"), _results(client, "q=gulls&page=2")]
    third = _results(client, "q=gulls&page=3")
    assert sorted(pages[0] + pages[1][:1]) == ["Gulls 000", "Gulls 001", "Gulls 002"]
    assert sorted(pages[1][1:] + third) == ["Story 000", "Story 001", "Story 002"]


def test_the_total_stops_at_the_last_numbered_page(newsroom, settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 2
    settings.BROADSHEET_LISTING_MAX_PAGES = 2
    publish_many(newsroom["city"], 2, prefix="Gulls", body="Nothing here.")
    publish_many(newsroom["city"], 4, prefix="Story", body="The gulls came back.")
    first = search_articles(None, parse_query("gulls"))
    assert (first.total, first.has_next) == (4, True)
    assert sorted(a.title for a in first.items) == ["Gulls 000", "Gulls 001"]
    last = search_articles(None, parse_query("gulls"), number=2)
    assert (len(last.items), last.has_next) == (2, False)
    assert all(a.title.startswith("Story") for a in last.items)


def test_any_field_matches_have_an_index_of_their_own():
    # PostgreSQL matches "title || body" of the index entries; without an index on that very
    # expression every search reads the whole table. SQLite searches through FTS5 instead.
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
                ["broadsheet_search_title_body_gin"],
            )
            [(definition,)] = cursor.fetchall()
            assert "USING gin (((title || body)))" in definition
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
            assert "broadsheet_search_title_body_gin" not in {row[0] for row in cursor}


def test_matches_are_highlighted_in_headline_and_snippet(client, newsroom):
    publish(
        newsroom["city"],
        "Bridges <b>and</b> tunnels",
        at=START,
        body="Long opening sentence about nothing. " * 12 + "Then the bridge reopened at dawn.",
    )
    html = soup(client, "/search/?q=bridge")
    result = html.select_one(".result")
    assert [m.get_text() for m in result.select(".result__headline mark")] == ["Bridges"]
    assert "<b>and</b>" in result.select_one(".result__headline").get_text()
    snippet = result.select_one(".result__snippet")
    assert [m.get_text() for m in snippet.find_all("mark")] == ["bridge"]
    assert snippet.get_text().startswith("…")


# ---- Filters and pagination -------------------------------------------------------------------


def test_section_and_date_filters(client, newsroom):
    publish(newsroom["city"], "Storm in March", at=datetime(2026, 3, 10, 12, tzinfo=UTC))
    publish(newsroom["city"], "Storm in May", at=datetime(2026, 5, 10, 12, tzinfo=UTC))
    publish(newsroom["sport"], "Storm stops play", at=datetime(2026, 5, 11, 12, tzinfo=UTC))
    assert len(_results(client, "q=storm")) == 3
    assert sorted(_results(client, "q=storm&section=city")) == ["Storm in March", "Storm in May"]
    assert sorted(_results(client, "q=storm&since=2026-05-01")) == [
        "Storm in May",
        "Storm stops play",
    ]
    assert _results(client, "q=storm&until=2026-03-10") == ["Storm in March"]  # whole last day
    assert _results(client, "q=storm&section=sport&since=2026-05-11&until=2026-05-11") == [
        "Storm stops play"
    ]


@pytest.mark.parametrize(
    "query",
    [
        "q=storm&since=yesterday",
        "q=storm&since=2026-05-02&until=2026-05-01",
        "q=storm&section=nowhere",
        "q=storm&until=9999-12-31",
    ],
)
def test_bad_filters_are_reported_not_crashed_on(client, newsroom, query):
    publish(newsroom["city"], "Storm", at=START)
    response = client.get(f"/search/?{query}")
    assert response.status_code == 200


def test_search_results_paginate_with_the_query_kept(client, newsroom, settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 4
    publish_many(newsroom["city"], 9, prefix="Tide report")
    html = soup(client, "/search/?q=tide&section=city")
    assert html.select_one("#results-heading").get_text(strip=True) == "9 results"
    assert html.select_one(".pagination a[rel=next]")["href"] == (
        "/search/?q=tide&section=city&page=2"
    )
    assert len(_results(client, "q=tide&section=city&page=3")) == 1
    assert client.get("/search/?q=tide&page=4").status_code == 404
    assert client.get("/search/?q=tide&page=x").status_code == 404


def test_search_query_count_does_not_grow_with_articles(client, newsroom):
    photo = factories.make_photo("rain")
    city = newsroom["city"]
    publish(city, "Rain warning", at=START, hero_image=photo, authors=[newsroom["ada"]])
    publish_many(
        city, 2, prefix="Weather", body="More rain.", hero_image=photo, authors=[newsroom["bo"]]
    )
    few = count_queries(client, "/search/?q=rain")
    publish_many(
        city,
        30,
        prefix="Later",
        body="Rain again.",
        hero_image=photo,
        authors=[newsroom["ada"], newsroom["bo"]],
        tags=["weather"],
    )
    assert count_queries(client, "/search/?q=rain") == few


# ---- What readers type ------------------------------------------------------------------------


def test_empty_and_punctuation_only_queries_show_the_form_without_results(client, newsroom):
    publish(newsroom["city"], "Anything", at=START)
    for query in ["", "q=", "q=+++", 'q="', "q=*", "q=()", "q=%22%22"]:
        html = soup(client, f"/search/?{query}")
        assert html.select_one(".search-results") is None, query
        assert html.select_one("main form[role=search] input[name=q]")
        assert [h.get_text() for h in html.find_all("h1")] == ["Search"]


def test_phrases_match_words_side_by_side(client, newsroom):
    city = newsroom["city"]
    publish(city, "Walk along the river Sallow", at=START)
    publish(city, "Sallow fields by the river", at=START)
    assert _results(client, "q=%22river+sallow%22") == ["Walk along the river Sallow"]
    assert len(_results(client, "q=river+sallow")) == 2


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'harbour"',
        '"harbour',
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "a*",
        "-x",
        "^",
        "O'Neill",
        "back\\slash",
        "col:on",
        "{x}",
        "50%",
        "'; DROP TABLE x; --",
    ],
)
def test_search_syntax_characters_are_taken_as_text(client, newsroom, query):
    publish(newsroom["city"], "Harbour and O'Neill", at=START)
    assert client.get("/search/", {"q": query}).status_code == 200


def test_accented_and_non_latin_queries(client, newsroom):
    city = newsroom["city"]
    publish(city, "Café Mørk reopens", at=START)
    publish(city, "Визит делегации из Бреннока", at=START)
    publish(city, "港口开放", at=START, standfirst="Ένα νέο λιμάνι για την πόλη.")
    assert _results(client, "q=Café") == ["Café Mørk reopens"]
    assert _results(client, "q=Бреннока") == ["Визит делегации из Бреннока"]
    assert _results(client, "q=港口开放") == ["港口开放"]
    assert _results(client, "q=λιμάνι") == ["港口开放"]
    html = soup(client, "/search/?q=Café")
    assert html.select_one(".result__headline mark").get_text() == "Café"


def test_query_parsing():
    parsed = parse_query('  bridge "river  sallow" "one" ** ferry" ')
    assert parsed.words == ("one", "bridge", "ferry")
    assert parsed.phrases == (("river", "sallow"),)
    assert not parse_query(' "" *** ( ) ')
    assert len(parse_query(" ".join(f"w{i}" for i in range(40))).words) == MAX_TERMS


def test_index_follows_new_tags_and_renamed_authors(newsroom):
    ada = newsroom["ada"]
    article = factories.make_article(
        newsroom["city"], title="Ferry", tags=["old rope"], authors=[ada]
    )
    assert _search("rope") == ["Ferry"]
    article.tags.clear()
    article.tags.add("lighthouse keepers")
    article.save_revision().publish()
    assert _search("keepers") == ["Ferry"]
    assert _search("rope") == []
    ada.name = "Ada Quillfeather"
    ada.save()
    assert _search("Quillfeather") == ["Ferry"]
