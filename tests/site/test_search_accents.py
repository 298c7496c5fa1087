"""Names as readers type them, through the site's /search/ page and the API's search: accents
and case fold the same way on SQLite (FTS5) and PostgreSQL (``broadsheet_search``, migration
articles/0009). Spelling variants that are not accents (Zelensky for Zelenskyy, Kiev for
Kyiv, Mueller for Müller) are other words and are not matched, on either database.
"""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from broadsheet.site.search import parse_query, search_articles
from tests.site.conftest import START, publish, soup

pytestmark = pytest.mark.django_db

HEADLINES = {
    "zelenskyy": "Zelenskyy thanks the harbour volunteers",
    "kyiv": "Night trains to Kyiv run again",
    "sao-paulo": "São Paulo sends a choir to the festival",
    "muller": "Müller wins the autumn regatta",
    "cafe": "The Café on the quay reopens",
    "plain": "Lido pool closes for repairs",
}


@pytest.fixture
def names(newsroom):
    for slug, title in HEADLINES.items():
        publish(newsroom["city"], title, at=START, slug=slug)


def on_site(client, query: str) -> set[str]:
    html = soup(client, "/search/?" + urlencode({"q": query}))
    return {h.get_text() for h in html.select(".result__headline")}


def through_api(client, query: str) -> set[str]:
    response = client.get("/api/v1/search", {"q": query, "fields": "title"})
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


READ_BY = pytest.mark.parametrize("read", [on_site, through_api], ids=["site", "api"])


@READ_BY
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("cafe", "cafe"),
        ("Café", "cafe"),
        ("CAFÉ", "cafe"),
        ("café quay", "cafe"),
        ("Sao Paulo", "sao-paulo"),
        ("são paulo", "sao-paulo"),
        ('"sao paulo" choir', "sao-paulo"),
        ("Muller", "muller"),
        ("MÜLLER regatta", "muller"),
        ("müller", "muller"),
        ("Kyiv", "kyiv"),
        ("kyiv", "kyiv"),
        ("Zelenskyy", "zelenskyy"),
        ("ZELENSKYY", "zelenskyy"),
    ],
)
def test_accents_and_case_fold_on_every_database(client, names, read, query, found):
    assert read(client, query) == {HEADLINES[found]}, connection.vendor


@READ_BY
@pytest.mark.parametrize("query", ["Zelensky", "Kiev", "Mueller", "Sao Paolo"])
def test_other_spellings_are_other_words(client, names, read, query):
    # Transliterations and misspellings differ in letters, not accents: no folding makes them
    # equal, and a guess at them would find what the reader did not ask for.
    assert read(client, query) == set(), connection.vendor


@READ_BY
def test_an_accented_query_finds_the_plain_spelling_too(client, newsroom, read):
    publish(newsroom["city"], "Cafe owners meet the mayor", at=START, slug="cafe-owners")
    publish(newsroom["city"], "Sao Paulo wins the cup", at=START, slug="sao-paulo-cup")
    assert read(client, "café") == {"Cafe owners meet the mayor"}
    assert read(client, "São Paulo") == {"Sao Paulo wins the cup"}


def test_the_site_highlights_the_accented_word_for_a_plain_query(client, names):
    html = soup(client, "/search/?q=muller")
    assert html.select_one(".result__headline mark").get_text() == "Müller"


def test_postgresql_indexes_and_asks_through_the_folding_configuration(names):
    backend = get_search_backend()
    if connection.vendor == "sqlite":
        # FTS5's unicode61 tokeniser removes diacritics itself.
        assert type(backend).__name__ == "SQLiteSearchBackend"
        return
    assert backend.config == "broadsheet_search"
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('broadsheet_search', 'Café São Müller')::text")
        assert cursor.fetchone()[0] == "'cafe':1 'muller':3 'sao':2"
    with CaptureQueriesContext(connection) as queries:
        assert search_articles(None, parse_query("muller")).total == 1
    assert "broadsheet_search" in " ".join(q["sql"] for q in queries.captured_queries)
