"""Finding articles in the admin: full-text search over /admin/articles/, filters, page search."""

from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from django.utils.text import slugify

from tests import factories

pytestmark = pytest.mark.django_db

LISTING = "/admin/articles/"
DAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def headlines(admin_client, query: str = "", url: str = LISTING) -> list[str]:
    response = admin_client.get(f"{url}?{query}")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [cell.get_text(strip=True) for cell in html.select("[data-listing-page-title] [id]")]


@pytest.fixture
def newsroom(home):
    city = factories.make_section(home, "City", "city")
    sport = factories.make_section(home, "Sport", "sport")
    ingrid = factories.make_author(name="Ingrid Solberg", slug="ingrid-solberg")
    tom = factories.make_author(name="Tom Achebe", slug="tom-achebe")

    def article(section, title, *, authors=(ingrid,), text="The council met.", **fields):
        fields.setdefault("published_at", DAY)
        return factories.make_article(
            section,
            title=title,
            slug=slugify(title),
            authors=list(authors),
            body=factories.paragraphs(text),
            **fields,
        )

    return {"city": city, "sport": sport, "ingrid": ingrid, "tom": tom, "article": article}


def test_a_word_in_the_body_finds_the_article(admin_client, newsroom):
    article = newsroom["article"]
    article(newsroom["city"], "River rises overnight", text="The flood reached the quay.")
    article(newsroom["city"], "Council budget", text="Nothing about water.")
    assert headlines(admin_client, "q=flood") == ["River rises overnight"]


def test_a_reporters_name_finds_their_articles(admin_client, newsroom):
    article, tom = newsroom["article"], newsroom["tom"]
    article(newsroom["city"], "Tram line opens", authors=[tom])
    article(newsroom["sport"], "Derby ends level", authors=[newsroom["ingrid"], tom])
    article(newsroom["sport"], "New coach named")
    assert sorted(headlines(admin_client, "q=Achebe")) == ["Derby ends level", "Tram line opens"]
    assert sorted(headlines(admin_client, "q=Tom+Achebe")) == [
        "Derby ends level",
        "Tram line opens",
    ]


def test_tags_and_standfirst_are_searched(admin_client, newsroom):
    article = newsroom["article"]
    article(newsroom["city"], "Ferry timetable", tags=["lifeboat station"])
    article(newsroom["city"], "Harbour dues", standfirst="Tugboats will pay more from May.")
    assert headlines(admin_client, "q=lifeboat") == ["Ferry timetable"]
    assert headlines(admin_client, "q=tugboats") == ["Harbour dues"]


def test_every_word_must_match(admin_client, newsroom):
    article = newsroom["article"]
    article(newsroom["city"], "Flood barrier tested", text="Engineers closed the gates.")
    article(newsroom["city"], "Flood warning lifted", text="The river fell.")
    assert headlines(admin_client, "q=flood+gates") == ["Flood barrier tested"]


def test_drafts_and_scheduled_articles_are_found_too(admin_client, newsroom):
    article = newsroom["article"]
    article(newsroom["city"], "Flood report, unfinished", publish=False)
    scheduled = article(newsroom["city"], "Flood inquiry opens", publish=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    assert sorted(headlines(admin_client, "q=flood")) == [
        "Flood inquiry opens",
        "Flood report, unfinished",
    ]


def test_filters_narrow_the_results(admin_client, newsroom):
    article, city, sport = newsroom["article"], newsroom["city"], newsroom["sport"]
    article(city, "Flood on Quay Street")
    article(sport, "Flood stops the match", authors=[newsroom["tom"]])
    article(city, "Flood plan, a draft", publish=False)
    article(city, "Flood of 1953 remembered", published_at=DAY - timedelta(days=40))
    scheduled = article(city, "Flood defences funded", publish=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()

    assert sorted(headlines(admin_client, f"q=flood&section={sport.pk}")) == [
        "Flood stops the match"
    ]
    assert headlines(admin_client, f"q=flood&author={newsroom['tom'].pk}") == [
        "Flood stops the match"
    ]
    assert headlines(admin_client, "q=flood&status=draft") == ["Flood plan, a draft"]
    assert headlines(admin_client, "q=flood&status=scheduled") == ["Flood defences funded"]
    assert sorted(headlines(admin_client, "q=flood&status=live")) == [
        "Flood of 1953 remembered",
        "Flood on Quay Street",
        "Flood stops the match",
    ]
    since = (DAY - timedelta(days=1)).date().isoformat()
    assert sorted(headlines(admin_client, f"q=flood&status=live&published_at_from={since}")) == [
        "Flood on Quay Street",
        "Flood stops the match",
    ]
    # Filters work without a search too, newest change first.
    assert headlines(admin_client, f"section={city.pk}&status=live") == [
        "Flood of 1953 remembered",
        "Flood on Quay Street",
    ]


def test_results_can_be_sorted_by_publication_date(admin_client, newsroom):
    article = newsroom["article"]
    article(newsroom["city"], "Flood, older", published_at=DAY - timedelta(days=2))
    article(newsroom["city"], "Flood, newer", published_at=DAY)
    assert headlines(admin_client, "q=flood&ordering=-published_at") == [
        "Flood, newer",
        "Flood, older",
    ]
    assert headlines(admin_client, "q=flood&ordering=published_at") == [
        "Flood, older",
        "Flood, newer",
    ]


def test_the_listing_shows_section_byline_and_status(admin_client, newsroom):
    newsroom["article"](newsroom["sport"], "Derby ends level", authors=[newsroom["tom"]])
    html = BeautifulSoup(admin_client.get(LISTING).content, "html.parser")
    row = html.select_one("tbody tr").get_text(" ", strip=True)
    assert "Derby ends level" in row
    assert "Sport" in row
    assert "Tom Achebe" in row
    assert "live" in row.lower()


def test_the_listing_costs_the_same_at_any_size(
    admin_client, newsroom, django_assert_max_num_queries
):
    article = newsroom["article"]
    for n in range(3):
        article(newsroom["city"], f"Flood note {n}", authors=[newsroom["ingrid"], newsroom["tom"]])
    with django_assert_max_num_queries(22) as small:
        headlines(admin_client, "q=flood")
    for n in range(3, 15):
        article(newsroom["sport"], f"Flood note {n}", authors=[newsroom["tom"]])
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(headlines(admin_client, "q=flood")) == 15


def test_page_search_names_what_it_counts_and_offers_the_article_search(admin_client, newsroom):
    newsroom["article"](newsroom["city"], "Flood barrier opens")
    response = admin_client.get("/admin/pages/search/?q=flood")
    html = BeautifulSoup(response.content, "html.parser")
    text = html.get_text(" ", strip=True)
    assert "1-1 of 1 page" in text
    assert "None" not in text
    assert html.select_one('a[href="/admin/articles/?q=flood"]') is not None


def test_the_listing_is_for_editors_only(client, newsroom):
    response = client.get(LISTING)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_quotes_make_a_phrase_and_query_syntax_is_only_text(admin_client, newsroom):
    article = newsroom["article"]
    article(newsroom["city"], "Bridge works", text="The harbour bridge crew finished.")
    article(newsroom["city"], "Harbour dues", text="A bridge too far for the harbour board.")
    assert headlines(admin_client, 'q="harbour+bridge"') == ["Bridge works"]
    for odd in ('"bridge', 'bridge"', "NEAR(bridge)", "bridge AND OR *", "(", "'"):
        response = admin_client.get(LISTING, {"q": odd})
        assert response.status_code == 200, odd
