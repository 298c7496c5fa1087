"""What app servers remember between content changes (``fragments.remember``): the site, its
settings, the page at a path, the navigation, whether anything is private. Each test asks once
(so the process remembers), changes something the way a newsroom does, and checks the very next
request sees the change.
"""

import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from broadsheet.articles.models import SectionPage
from broadsheet.caching import fragments
from broadsheet.core.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(section):
    return factories.make_article(section, title="Ferry timetable changes", slug="ferry")


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def navigation(client) -> list[str]:
    return [a.get_text(strip=True) for a in soup(client.get("/")).select("nav a")]


def test_a_remembered_page_costs_only_the_generations(client, article):
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(article.url)
    assert response.status_code == 200
    assert [
        q["sql"] for q in queries.captured_queries if "caching_generation" not in q["sql"]
    ] == []


@override_settings(BROADSHEET_FRAGMENT_CACHE_TIMEOUT=0)
def test_turned_off_with_the_fragments_every_request_reads_the_site(client, article):
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(article.url)
    assert any("wagtailcore_site" in q["sql"] for q in queries.captured_queries)


def test_a_new_article_at_an_address_that_was_missing_answers_at_once(client, section):
    assert client.get("/city/night-ferry/").status_code == 404
    factories.make_article(section, title="Night ferry returns", slug="night-ferry")
    response = client.get("/city/night-ferry/")
    assert response.status_code == 200
    assert b"Night ferry returns" in response.content


def test_an_unpublished_article_is_gone_at_once(client, article):
    assert client.get(article.url).status_code == 200
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_a_new_section_joins_the_navigation_and_an_unpublished_one_leaves(client, home, section):
    assert "Sport" not in navigation(client)
    # As the admin does it: a draft, then published.
    sport = home.add_child(instance=SectionPage(title="Sport", slug="sport", live=False))
    sport.save_revision().publish()
    assert "Sport" in navigation(client)
    assert client.get("/sport/").status_code == 200
    SectionPage.objects.get(pk=sport.pk).unpublish()
    assert "Sport" not in navigation(client)
    assert client.get("/sport/").status_code == 404


def test_a_section_created_live_joins_the_navigation_at_once(
    client, home, section, django_capture_on_commit_callbacks
):
    assert "Sport" not in navigation(client)
    # As the demo builder, an import or a shell does it: saved live, never published.
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=SectionPage(title="Sport", slug="sport"))
    assert "Sport" in navigation(client)
    assert client.get("/sport/").status_code == 200


def test_making_a_section_private_asks_readers_to_sign_in_at_once(client, section, article):
    assert client.get(article.url).status_code == 200
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    PageViewRestriction.objects.filter(page=section).delete()
    assert client.get(article.url).status_code == 200


def test_a_changed_date_format_shows_on_the_next_request(client, article):
    first = soup(client.get(article.url)).find("time").get_text(strip=True)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.date_format = "Y-m-d"
    settings.save()
    then = soup(client.get(article.url)).find("time").get_text(strip=True)
    assert first != then
    published = article.first_published_at.astimezone(zoneinfo.ZoneInfo(settings.time_zone))
    assert then == published.strftime("%Y-%m-%d")


def test_a_new_site_for_this_host_answers_at_once(client, home, section):
    assert soup(client.get("/")).find("h1").get_text(strip=True) != "City"
    Site.objects.create(hostname="testserver", port=80, root_page=section, site_name="City desk")
    response = client.get("/")
    assert response.status_code == 200
    assert soup(response).find("h1").get_text(strip=True) == "City"


def test_an_answer_is_kept_while_its_own_generations_stand_even_outside_a_request(
    django_assert_num_queries,
):
    answers = iter(range(1, 100))

    def bans() -> int:
        return fragments.remember("bans", [], lambda: next(answers), depends_on=["moderation"])

    assert bans() == 1
    with django_assert_num_queries(1):  # outside a request: the generation, not the answer
        assert bans() == 1
    fragments.bump(["content"])  # what it does not depend on
    assert bans() == 1
    fragments.bump(["moderation"])
    assert bans() == 2


def test_a_request_reads_each_generation_once_and_sees_its_own_changes(
    rf, django_assert_num_queries
):
    answers = iter(range(1, 100))
    request = rf.get("/")

    def words() -> int:
        return fragments.remember("words", [], lambda: next(answers), depends_on=["moderation"])

    with fragments.reading(request):
        assert words() == 1
        with django_assert_num_queries(0):
            assert words() == 1
        fragments.bump(["moderation"])  # a moderator's request adding a word, then reading
        with django_assert_num_queries(0):
            assert words() == 2


def test_what_a_caller_changes_on_an_answer_stays_with_that_caller(section):
    first = fragments.remember("the-section", [], lambda: SectionPage.objects.get())
    first.title = "Changed by one request"
    listed = fragments.remember("sections", [], lambda: [section])
    listed.append(None)

    assert fragments.remember("the-section", [], lambda: None).title == section.title
    assert fragments.remember("sections", [], lambda: None) == [section]
