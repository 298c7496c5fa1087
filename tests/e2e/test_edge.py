"""Varnish's own answers, on the production stack: query strings, bodies, outages, retries.

What deploy/varnish/default.vcl decides by itself, before or instead of asking an app server:
which query parameters reach the cache key and the app, which request bodies are refused,
what readers see when no app server answers, and where a request goes when its app server
refused the connection. One stack for the module (see test_stack.py for what it needs).
"""

import json
import uuid
from urllib.parse import urlencode

import pytest

from tests.e2e.front import get, object_id
from tests.e2e.stack import Response, Stack, request, send_body

pytestmark = pytest.mark.e2e

TOO_LARGE = 10 * 1024 * 1024  # a 10 MB comment; the app takes forms up to 2.5 MB
TRACKING = (
    "utm_source=newsletter&utm_medium=email&utm_campaign=morning",
    "fbclid=IwAR0abc",
    "gclid=Cj0KCQ",
    "r=123",
    "",  # a bare "?"
)


@pytest.fixture(scope="module")
def stack():
    stack = Stack(settings_module="tests.e2e.settings")
    try:
        stack.articles = stack.start_newsroom(articles=2)
        yield stack
    finally:
        stack.stop()


def stored(stack: Stack, path: str) -> Response:
    get(stack, path)
    answer = get(stack, path)
    assert answer.status == 200 and answer.header("X-Cache") == "HIT", (path, answer.status)
    return answer


def comment_form(text: str) -> dict[str, str]:
    """A guest's comment form, with no form timestamp: it is refused before any check."""
    return {
        "name": "Ines",
        "email": f"{uuid.uuid4().hex[:10]}@readers.example",
        "text": text,
        "token": "",
        "website": "",
    }


def json_post_headers(stack: Stack) -> dict[str, str]:
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/json",
        "Origin": stack.varnish,
    }


def test_tracking_parameters_and_an_empty_query_string_get_the_stored_page(stack):
    article = stack.articles[0]["url"]
    for path, joiner in (("/", "?"), ("/city/?page=1", "&"), (article, "?")):
        page = stored(stack, path)
        for extra in TRACKING:
            variant = get(stack, path + joiner + extra)
            assert variant.header("X-Cache") == "HIT", (path, extra)
            assert object_id(variant) == object_id(page), (path, extra)


def test_parameters_a_page_reads_reach_it_in_one_order(stack):
    first = stored(stack, "/search/?q=ferry&section=city")

    reordered = get(stack, "/search/?section=city&utm_source=social&q=ferry")
    other_words = get(stack, "/search/?q=boatyard&section=city")

    assert reordered.header("X-Cache") == "HIT"
    assert object_id(reordered) == object_id(first)
    assert "timetable changes, part 1" in reordered.body  # the app got q and section
    assert other_words.header("X-Cache") == "MISS"  # other words, another stored page


def test_a_10_mb_comment_is_refused_with_413_through_varnish_and_by_the_app(stack):
    article_id = stack.articles[0]["id"]
    body = urlencode(comment_form("x" * TOO_LARGE)).encode()
    headers = json_post_headers(stack)
    post_url = f"/comments/post/{article_id}/"

    with_length = send_body(stack.varnish + post_url, body, headers=headers)
    chunked = send_body(stack.varnish + post_url, body, headers=headers, chunked=True)
    as_page = send_body(stack.varnish + post_url, body, headers={**headers, "Accept": "*/*"})
    straight = send_body(stack.app(0) + post_url, body, headers={**headers, "Origin": stack.app(0)})

    for answer in (with_length, chunked):
        assert answer.status == 413
        assert json.loads(answer.body)["ok"] is False
    assert as_page.status == 413 and "Guru Meditation" not in as_page.body
    assert straight.status == 413 and json.loads(straight.body)["ok"] is False
    # The app servers were spared: an ordinary comment still goes through.
    token = stack.form_token(article_id)
    posted = stack.post_comment(article_id, token, "A short comment after the long ones.")
    assert posted.status == 201, posted.body


def test_varnish_answers_in_plain_text_or_json_never_guru_meditation(stack):
    no_keys = {"xkey-purge": ","}  # a key purge that names no key
    plain = request(stack.varnish + "/", method="PURGE", headers=no_keys)
    as_json = request(
        stack.varnish + "/", method="PURGE", headers={**no_keys, "Accept": "application/json"}
    )

    assert plain.status == as_json.status == 400
    assert plain.header("Content-Type").startswith("text/plain")
    assert "names no key" in plain.body and "Guru Meditation" not in plain.body
    assert json.loads(as_json.body) == {
        "ok": False,
        "status": 400,
        "message": "xkey-purge names no key",
    }


def test_with_no_app_server_readers_get_the_unavailable_page_and_stored_pages(stack):
    article = stack.articles[1]
    stored(stack, article["url"])
    token = stack.form_token(article["id"])
    try:
        stack.kill("app0")
        stack.kill("app1")

        kept = get(stack, article["url"])
        page = get(stack, "/topics/ferries/")  # never asked for, so never stored
        as_json = get(stack, "/topics/ferries/", Accept="application/json")
        posted = stack.post_comment(article["id"], token, "Posted while every server is down.")
    finally:
        stack.start_app_server(0)
        stack.start_app_server(1)
        stack.wait_until_healthy(0)
        stack.wait_until_healthy(1)

    assert kept.status == 200 and kept.header("X-Cache") == "HIT"
    for answer in (page, as_json, posted):
        assert answer.status == 503
        assert int(answer.header("Retry-After")) > 0
        assert answer.header("Cache-Control") == "no-store"
    assert page.header("Content-Type") == "text/html; charset=utf-8"
    assert "We will be back shortly" in page.body and 'class="masthead"' in page.body
    assert "Guru Meditation" not in page.body and "<link" not in page.body
    for answer in (as_json, posted):
        reply = json.loads(answer.body)
        assert reply["ok"] is False and reply["message"]
    # Once the servers are back, the page is there: the outage was not stored.
    assert get(stack, "/topics/ferries/").status == 200


def test_comments_sent_to_a_killed_app_server_are_stored_once_through_the_other(stack):
    article = stack.articles[0]
    token = stack.form_token(article["id"])
    texts = [f"Comment {n} while app0 is gone: {uuid.uuid4().hex}" for n in range(20)]
    failures = stack.varnish_counter("MAIN.backend_fail")
    try:
        stack.kill("app0")  # SIGKILL: its port refuses connections from now on
        # Until its probe fails, Varnish still sends app0 every other request. Keep it that
        # way for the whole test instead of racing the probe.
        stack.varnishadm("backend.set_health", "app0", "healthy")
        answers = [stack.post_comment(article["id"], token, text) for text in texts]
        refused = stack.varnish_counter("MAIN.backend_fail") - failures
    finally:
        stack.varnishadm("backend.set_health", "app0", "auto")
        stack.start_app_server(0)
        stack.wait_until_healthy(0)

    assert [answer.status for answer in answers] == [201] * len(texts)
    assert refused >= len(texts) // 2  # they really went to app0 first
    rows = [c["text"] for c in stack.console_("comments", article_id=article["id"])["comments"]]
    assert all(rows.count(text) == 1 for text in texts)
