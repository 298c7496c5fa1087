"""The production stack with the nginx front instead of Varnish: two app servers, worker,
PostgreSQL, Redis, and nginx's proxy_cache as deploy/nginx/cache.conf sets it up.

Needs ``nginx`` with Debian's ``libnginx-mod-http-cache-purge``, PostgreSQL and Redis on
127.0.0.1 (``.ci/run`` provides them). One stack for the module, stopped by PID at the end.
"""

import json
from urllib.parse import urlsplit

import pytest

from tests.e2e.front import BROWSER, FORM_TOKEN, READERS, cached_for_both, get, until_shows
from tests.e2e.stack import NginxFrontStack, request, until

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack():
    stack = NginxFrontStack(settings_module="tests.e2e.settings")
    try:
        stack.articles = stack.start_newsroom(articles=4)
        yield stack
    finally:
        stack.stop()


def test_anonymous_article_is_served_from_the_cache_the_second_time(stack):
    path = stack.articles[0]["url"]

    first, second = get(stack, path), get(stack, path)

    assert first.status == second.status == 200
    assert first.header("X-Cache") == "MISS"
    assert second.header("X-Cache") == "HIT"
    assert "public" in second.header("Cache-Control")
    assert not second.header("Set-Cookie")
    assert FORM_TOKEN.sub("", second.body) == FORM_TOKEN.sub("", first.body)
    revalidated = get(stack, path, **{"If-None-Match": second.header("ETag")})
    assert revalidated.status == 304


def test_readers_with_and_without_gzip_each_get_a_stored_copy_as_is(stack):
    path = stack.articles[0]["url"]
    cached_for_both(stack, path)

    plain = get(stack, path)
    packed = get(stack, path, **BROWSER)
    refused = get(stack, path, **{"Accept-Encoding": "gzip;q=0, deflate"})

    assert plain.header("X-Cache") == packed.header("X-Cache") == refused.header("X-Cache") == "HIT"
    assert not plain.header("Content-Encoding") and not refused.header("Content-Encoding")
    assert int(plain.header("Content-Length")) == plain.wire_bytes == len(plain.body.encode())
    assert packed.header("Content-Encoding") == "gzip"
    # Stored as the compressing hop streamed it, so it goes out chunked, without a length.
    assert packed.wire_bytes < plain.wire_bytes / 3
    assert FORM_TOKEN.sub("", packed.body) == FORM_TOKEN.sub("", plain.body)
    for answer in (plain, packed):
        vary = [name.strip().lower() for name in answer.header("Vary").split(",")]
        assert "accept-encoding" in vary, vary


def test_tracking_parameters_get_the_stored_page(stack):
    path = stack.articles[0]["url"]
    stored = cached_for_both(stack, path)["plain"]

    for query in ("utm_source=newsletter&utm_medium=email", "fbclid=IwAR0abc", "r=123"):
        tagged = get(stack, f"{path}?{query}")
        assert tagged.header("X-Cache") == "HIT", query
        assert tagged.header("ETag") == stored.header("ETag"), query


def test_a_published_change_shows_through_nginx_before_the_copies_expire(stack):
    article = stack.articles[1]
    pages = [article["url"], "/", "/city/", "/topics/ferries/", "/feeds/rss/"]
    for path in pages:
        cached_for_both(stack, path)
    new_title = "Ferry timetable changes again after the storm"

    stack.console_("retitle", article_id=article["id"], title=new_title)

    # The copies live for CACHE_S_MAXAGE (minutes): showing at all means they were purged.
    for path in pages:
        for headers in READERS.values():
            until_shows(stack, path, new_title, headers=headers)
    for path in pages:  # and each copy is stored again in its own encoding
        answers = cached_for_both(stack, path)
        assert not answers["plain"].header("Content-Encoding")
        assert answers["gzip"].header("Content-Encoding") == "gzip"
        assert new_title in answers["plain"].body and new_title in answers["gzip"].body


def test_an_approved_comment_shows_through_nginx_before_the_copies_expire(stack):
    article = stack.articles[2]
    text = "The early ferry will help the night shift at the boatyard, thank you."
    posted = stack.post_comment(article["id"], stack.form_token(article["id"]), text)
    assert posted.status == 201, posted.body
    assert posted.header("X-Cache") == "PASS"
    assert json.loads(posted.body)["visible"] is False  # first comments wait for a moderator
    for cached in cached_for_both(stack, article["url"]).values():
        assert text not in cached.body

    stack.console_("approve", text=text)

    for headers in READERS.values():
        until_shows(stack, article["url"], text, headers=headers)


def test_a_breaking_news_banner_shows_on_the_stored_pages_and_goes_when_taken_down(stack):
    """nginx cannot assemble pages: the banner is in each page, which every change purges."""
    pages = [stack.articles[0]["url"], "/"]
    for path in pages:
        cached_for_both(stack, path)
    headline = "Harbour road closed by a landslip"

    stack.console_("breaking_news", text=headline, link=pages[0])
    for path in pages:
        for headers in READERS.values():
            until_shows(stack, path, headline, headers=headers)
    stack.console_("breaking_news", text="")
    for path in pages:
        for headers in READERS.values():
            until(lambda p=path, h=headers: headline not in get(stack, p, **h).body, "taken down")


def test_admin_and_posts_are_never_cached(stack):
    for _ in range(2):
        login = get(stack, "/admin/login/")
        assert login.status == 200 and login.header("X-Cache") == "PASS"
        assert "no-store" in login.header("Cache-Control")
        token = get(stack, f"/comments/token/{stack.articles[0]['id']}/")
        assert token.status == 200 and token.header("X-Cache") == "PASS"
    path = stack.articles[0]["url"]
    cached_for_both(stack, path)

    posted = request(stack.front + path, method="POST", data=b"a=b")

    assert posted.header("X-Cache") == "PASS"
    assert get(stack, path).header("X-Cache") == "HIT"


def test_a_reader_with_a_session_is_passed_and_never_gets_a_stored_page(stack):
    path = stack.articles[0]["url"]
    cached_for_both(stack, path)
    mara = stack.console_("reader_session", username="mara")["cookie"]

    for _ in range(2):
        page = get(stack, path, Cookie=f"csrftoken=abc; {mara}")
        assert page.status == 200
        assert page.header("X-Cache") == "PASS"
        assert "private" in page.header("Cache-Control")
        account = get(stack, "/accounts/", Cookie=mara)
        assert account.header("X-Cache") == "PASS" and "mara@" in account.body

    analytics_only = get(stack, path, Cookie="csrftoken=abc; _ga=GA1.2.3")
    assert analytics_only.header("X-Cache") == "HIT"
    assert "mara@" not in analytics_only.body


def test_the_purge_server_clears_both_stored_copies_and_readers_cannot_purge(stack):
    path = stack.articles[3]["url"]
    cached_for_both(stack, path)

    from_reader_side = request(stack.front + path, method="PURGE")
    assert from_reader_side.status == 405
    assert get(stack, path).header("X-Cache") == "HIT"

    # As the worker does: one PURGE per copy, naming the site's host, the scheme and the
    # encoding as the cache key does.
    host = urlsplit(stack.front).netloc
    for encoding in ("gzip", "identity"):
        headers = {"Host": host, "Accept-Encoding": encoding}
        purged = request(stack.purger + path, method="PURGE", headers=headers)
        assert purged.status == 200, encoding
        again = request(stack.purger + path, method="PURGE", headers=headers)
        assert again.status == 404, encoding  # nothing left to remove

    for reader, headers in READERS.items():
        assert get(stack, path, **headers).header("X-Cache") == "MISS", reader
        assert get(stack, path, **headers).header("X-Cache") == "HIT", reader
