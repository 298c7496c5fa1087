"""Section, topic, author and archive listings: content, stable pagination, bounded cost."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from wagtail.models import Site

from broadsheet.core.models import SiteSettings
from tests import factories
from tests.site.conftest import START, card_titles, count_queries, publish, publish_many, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 3
    settings.BROADSHEET_LISTING_MAX_PAGES = 2


def _next_href(html):
    link = html.select_one(".pagination a[rel=next]")
    return link["href"] if link else None


# ---- Section pages --------------------------------------------------------------------------


def test_section_lists_its_live_articles_newest_first(client, newsroom):
    publish_many(newsroom["city"], 3)
    publish(newsroom["sport"], "Regatta returns", at=START)
    factories.make_article(newsroom["city"], title="Unpublished draft", publish=False)
    html = soup(client, "/city/")
    assert card_titles(html) == ["Story 002", "Story 001", "Story 000"]
    assert [h.get_text() for h in html.find_all("h1")] == ["City"]
    assert html.select_one(".pagination") is None


def test_section_pages_are_numbered_with_stable_links(client, newsroom, settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 3
    publish_many(newsroom["city"], 7)
    first = soup(client, "/city/")
    assert card_titles(first) == ["Story 006", "Story 005", "Story 004"]
    assert _next_href(first) == "/city/?page=2"
    second = soup(client, "/city/?page=2")
    assert card_titles(second) == ["Story 003", "Story 002", "Story 001"]
    assert second.select_one(".pagination a[rel=prev]")["href"] == "/city/"
    assert _next_href(second) == "/city/?page=3"
    last = soup(client, "/city/?page=3")
    assert card_titles(last) == ["Story 000"]
    assert _next_href(last) is None
    assert last.select_one(".pagination [aria-current=page]").get_text(strip=True) == "Page 3"


@pytest.mark.parametrize("page", ["0", "-1", "abc", "2.0", "4", "51", "99999999"])
def test_impossible_page_numbers_are_not_found(client, newsroom, settings, page):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 3
    publish_many(newsroom["city"], 7)
    assert client.get(f"/city/?page={page}").status_code == 404


def test_numbered_pages_stop_at_the_cap_and_cursor_links_continue(client, newsroom, small_pages):
    publish_many(newsroom["city"], 10)
    assert client.get("/city/?page=3").status_code == 404, "OFFSET is bounded by the cap"
    second = soup(client, "/city/?page=2")
    assert card_titles(second) == ["Story 006", "Story 005", "Story 004"]
    cursor_url = _next_href(second)
    assert cursor_url.startswith("/city/?before=")
    third = soup(client, cursor_url)
    assert card_titles(third) == ["Story 003", "Story 002", "Story 001"]
    assert third.select_one(".pagination a[href='/city/']").get_text(strip=True) == (
        "Back to the latest"
    )
    fourth = soup(client, _next_href(third))
    assert card_titles(fourth) == ["Story 000"]
    assert _next_href(fourth) is None


def test_cursor_pages_keep_their_articles_when_news_is_published(client, newsroom, small_pages):
    publish_many(newsroom["city"], 10)
    cursor_url = _next_href(soup(client, "/city/?page=2"))
    before = card_titles(soup(client, cursor_url))
    publish(newsroom["city"], "Breaking", at=START + timedelta(days=3))
    assert card_titles(soup(client, cursor_url)) == before
    assert card_titles(soup(client, "/city/"))[0] == "Breaking"


@pytest.mark.parametrize(
    "cursor", ["x", "123", "12-", "-5", "1-2-3", "9" * 25 + "-1", "1-" + "9" * 19]
)
def test_malformed_cursors_are_not_found(client, newsroom, small_pages, cursor):
    publish_many(newsroom["city"], 4)
    assert client.get(f"/city/?before={cursor}").status_code == 404


def test_pagination_keeps_other_query_parameters(client, newsroom, settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 2
    publish_many(newsroom["city"], 3)
    assert _next_href(soup(client, "/city/?utm_source=letter")) == (
        "/city/?utm_source=letter&page=2"
    )


def test_section_query_count_does_not_grow_with_articles(client, newsroom):
    photo = factories.make_photo("crowd")
    publish_many(newsroom["city"], 2, authors=[newsroom["ada"]], tags=["council"], hero_image=photo)
    few = count_queries(client, "/city/")
    publish_many(
        newsroom["city"],
        30,
        prefix="More",
        authors=[newsroom["ada"], newsroom["bo"]],
        hero_image=factories.make_photo("flags"),
    )
    assert count_queries(client, "/city/") == few
    assert count_queries(client, "/city/?page=2") == few


# ---- Topic (tag) pages ------------------------------------------------------------------------


def test_topic_page_lists_articles_with_that_tag(client, newsroom):
    publish(newsroom["city"], "Rents rise again", at=START, tags=["housing", "council"])
    publish(
        newsroom["sport"], "Stadium flats approved", at=START + timedelta(hours=1), tags=["housing"]
    )
    publish(newsroom["city"], "Library hours", at=START + timedelta(hours=2), tags=["council"])
    assert reverse("site:tag", kwargs={"slug": "housing"}) == "/topics/housing/"
    html = soup(client, "/topics/housing/")
    assert html.h1.get_text(strip=True) == "housing"
    assert card_titles(html) == ["Stadium flats approved", "Rents rise again"]


def test_unknown_or_unpublished_topics_are_not_found(client, newsroom):
    factories.make_article(newsroom["city"], title="Draft", tags=["secret plans"], publish=False)
    assert client.get("/topics/nothing-here/").status_code == 404
    assert client.get("/topics/secret-plans/").status_code == 404


def test_topic_with_non_latin_name_has_a_working_address(client, newsroom):
    publish(newsroom["city"], "Harbour delegation visits", at=START, tags=["港口"])
    url = reverse("site:tag", kwargs={"slug": "港口"})
    assert soup(client, url).h1.get_text(strip=True) == "港口"


def test_topic_query_count_does_not_grow_with_articles(client, newsroom):
    publish_many(newsroom["city"], 2, tags=["roadworks"], authors=[newsroom["bo"]])
    few = count_queries(client, "/topics/roadworks/")
    publish_many(
        newsroom["sport"],
        30,
        prefix="More",
        tags=["roadworks", "traffic"],
        authors=[newsroom["ada"]],
    )
    assert count_queries(client, "/topics/roadworks/") == few
    assert count_queries(client, "/topics/roadworks/?page=2") == few


# ---- Author pages -----------------------------------------------------------------------------


def test_author_page_shows_profile_and_only_their_articles(client, newsroom):
    ada = newsroom["ada"]
    ada.photo = factories.make_photo("ada")
    ada.save()
    publish(newsroom["city"], "Council budget agreed", at=START, authors=[ada])
    publish(newsroom["city"], "Someone else's story", at=START, authors=[newsroom["bo"]])
    html = soup(client, "/authors/ada-brennan/")
    assert html.h1.get_text(strip=True) == "Ada Brennan"
    assert html.select_one(".author-profile__role").get_text() == "City hall reporter"
    assert html.select_one(".author-profile__bio").get_text() == "Covers the council."
    photo = html.select_one(".author-profile picture img")
    assert photo["alt"] == "A picture called ada" and photo["width"] and photo["height"]
    assert card_titles(html) == ["Council budget agreed"]


def test_author_without_articles_still_has_a_page(client, newsroom):
    html = soup(client, "/authors/bo-lindqvist/")
    assert html.select_one(".empty").get_text(strip=True) == "No articles yet."
    assert client.get("/authors/nobody/").status_code == 404


def test_author_pages_paginate(client, newsroom, settings):
    settings.BROADSHEET_LISTING_PAGE_SIZE = 2
    publish_many(newsroom["city"], 3, authors=[newsroom["ada"]])
    assert _next_href(soup(client, "/authors/ada-brennan/")) == "/authors/ada-brennan/?page=2"
    assert card_titles(soup(client, "/authors/ada-brennan/?page=2")) == ["Story 000"]


def test_author_query_count_does_not_grow_with_articles(client, newsroom):
    publish_many(newsroom["city"], 2, authors=[newsroom["ada"]])
    few = count_queries(client, "/authors/ada-brennan/")
    publish_many(
        newsroom["sport"], 30, prefix="More", authors=[newsroom["ada"], newsroom["bo"]], tags=["x"]
    )
    assert count_queries(client, "/authors/ada-brennan/") == few


# ---- Date archive -----------------------------------------------------------------------------


def test_archive_month_uses_the_site_time_zone(client, newsroom):
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"time_zone": "Europe/Berlin"})
    # 23:30 UTC on 31 March is 01:30 on 1 April in Berlin (summer time).
    publish(newsroom["city"], "Late night vote", at=datetime(2026, 3, 31, 23, 30, tzinfo=UTC))
    publish(newsroom["city"], "March story", at=datetime(2026, 3, 15, 12, tzinfo=UTC))
    assert reverse("site:archive_month", kwargs={"year": 2026, "month": 4}) == "/archive/2026/04/"
    assert card_titles(soup(client, "/archive/2026/04/")) == ["Late night vote"]
    assert card_titles(soup(client, "/archive/2026/03/")) == ["March story"]
    assert soup(client, "/archive/2026/04/").h1.get_text(strip=True) == "April 2026"


def test_archive_year_lists_months_with_counts(client, newsroom):
    publish_many(newsroom["city"], 3, start=datetime(2026, 1, 10, tzinfo=UTC))
    publish(newsroom["sport"], "Spring", at=datetime(2026, 4, 2, tzinfo=UTC))
    publish(newsroom["sport"], "Old", at=datetime(2025, 6, 2, tzinfo=UTC))
    html = soup(client, "/archive/2026/")
    rows = [
        " ".join(li.get_text(" ", strip=True).split()) for li in html.select(".archive-list li")
    ]
    assert rows == ["April 1 article", "January 3 articles"]
    assert html.select_one(".archive-list a")["href"] == "/archive/2026/04/"
    years = [a.get_text() for a in soup(client, "/archive/").select(".archive-list a")]
    assert years == ["2026", "2025"]


@pytest.mark.parametrize(
    "url",
    [
        "/archive/2026/13/",
        "/archive/2026/3/",
        "/archive/2024/",
        "/archive/2024/05/",
        "/archive/0000/",
        "/archive/2026/05/",
    ],
)
def test_impossible_or_empty_archive_pages_are_not_found(client, newsroom, url):
    publish(newsroom["city"], "Only story", at=datetime(2026, 3, 15, tzinfo=UTC))
    assert client.get(url).status_code == 404


def test_archive_month_paginates_and_costs_the_same_when_full(client, newsroom):
    march = datetime(2026, 3, 1, 6, tzinfo=UTC)
    publish_many(newsroom["city"], 2, start=march, authors=[newsroom["ada"]])
    few = count_queries(client, "/archive/2026/03/")
    publish_many(
        newsroom["sport"],
        30,
        start=march + timedelta(days=2),
        prefix="More",
        authors=[newsroom["bo"]],
    )
    assert count_queries(client, "/archive/2026/03/") == few
    assert _next_href(soup(client, "/archive/2026/03/")) == "/archive/2026/03/?page=2"
    assert len(card_titles(soup(client, "/archive/2026/03/?page=2"))) == 12
    few_year = count_queries(client, "/archive/2026/")
    publish_many(newsroom["sport"], 5, start=datetime(2026, 7, 1, tzinfo=UTC), prefix="July")
    assert count_queries(client, "/archive/2026/") == few_year
