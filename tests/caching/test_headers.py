"""Cache-Control, ETag and 304s as a reader's browser and the shared cache see them."""

import types

import pytest
from django.test import override_settings
from django.utils.http import http_date

from tests import factories
from tests.caching.urls import LAST_CHANGE

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(section, author):
    return factories.make_article(
        section, title="Ferry timetable changes", slug="ferry-timetable", authors=[author]
    )


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


def assert_shared(response) -> None:
    assert {"public", "max-age=0"} <= directives(response), response.get("Cache-Control")
    assert not response.cookies


def assert_private(response) -> None:
    assert {"private", "no-store"} <= directives(response), response.get("Cache-Control")
    assert "public" not in directives(response)
    assert not any(d.startswith("s-maxage") for d in directives(response))


def test_anonymous_article_is_shared_cacheable_with_an_etag(client, article):
    response = client.get(article.url)

    assert response.status_code == 200
    assert_shared(response)
    assert directives(response) >= {
        "s-maxage=600",
        "stale-while-revalidate=30",
        "stale-if-error=86400",
    }
    assert response["ETag"].startswith(('"', 'W/"'))


@override_settings(BROADSHEET_CACHING={"S_MAXAGE": 3600, "STALE_WHILE_REVALIDATE": 5})
def test_lifetimes_come_from_settings(client, article):
    response = client.get(article.url)

    assert {"s-maxage=3600", "stale-while-revalidate=5"} <= directives(response)


def test_matching_if_none_match_gets_304_without_a_body(client, article):
    etag = client.get(article.url)["ETag"]

    again = client.get(article.url, headers={"If-None-Match": etag})
    changed = client.get(article.url, headers={"If-None-Match": '"something-else"'})

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert changed.status_code == 200


def test_the_forms_signed_timestamp_does_not_change_the_etag(client, article, monkeypatch):
    from broadsheet.comments.pipeline import timestamp

    clock = types.SimpleNamespace(time=lambda: 1_800_000_000.0)
    monkeypatch.setattr(timestamp, "time", clock)
    first = client.get(article.url)
    clock.time = lambda: 1_800_000_007.0
    later = client.get(article.url, headers={"If-None-Match": first["ETag"]})

    assert b'name="token"' in first.content
    assert first["ETag"].startswith('W/"')
    assert later.status_code == 304
    assert later["ETag"] == first["ETag"]


def test_head_is_shared_like_get(client, article):
    assert_shared(client.head(article.url))


def test_front_page_and_missing_pages_are_shared(client, article):
    assert_shared(client.get("/"))
    missing = client.get("/city/no-such-story/")
    assert missing.status_code == 404
    assert_shared(missing)


def test_signed_in_reader_never_gets_a_shared_page(client, article, django_user_model):
    reader = django_user_model.objects.create_user("mara", "mara@example.org", "pw-Brennock-1")
    client.force_login(reader)

    response = client.get(article.url)

    assert response.status_code == 200
    assert_private(response)


def test_a_session_cookie_makes_the_page_private_even_when_signed_out(client, article):
    client.cookies["sessionid"] = "no-longer-valid"

    assert_private(client.get(article.url))


def test_csrf_and_analytics_cookies_do_not_stop_sharing(client, article):
    client.cookies["csrftoken"] = "a" * 32
    client.cookies["_ga"] = "GA1.1.1234.5678"

    assert_shared(client.get(article.url))


def test_unknown_cookies_make_the_page_private(client, article):
    client.cookies["remembered_name"] = "Ada"

    assert_private(client.get(article.url))


def test_posts_are_never_shared(client, article):
    assert_private(client.post(article.url, {}))


def test_admin_is_private(client, article, admin_user):
    assert_private(client.get("/admin/login/"))
    client.force_login(admin_user)
    assert_private(client.get(f"/admin/pages/{article.pk}/edit/"))


@pytest.mark.urls("tests.caching.urls")
def test_a_response_that_sets_a_cookie_is_never_shared(client):
    response = client.get("/cookie/")

    assert response.cookies["remembered_name"].value == "Ada"
    assert_private(response)


@pytest.mark.urls("tests.caching.urls")
def test_if_modified_since_is_answered_when_the_page_knows_its_age(client):
    later = http_date(LAST_CHANGE.timestamp() + 60)
    earlier = http_date(LAST_CHANGE.timestamp() - 60)

    assert client.get("/tides/", headers={"If-Modified-Since": later}).status_code == 304
    assert client.get("/tides/", headers={"If-Modified-Since": earlier}).status_code == 200


def test_health_checks_are_not_stored(client):
    assert client.get("/healthz")["Cache-Control"] == "no-store"
