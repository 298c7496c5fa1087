"""Readers straight at an app server while PostgreSQL is unreachable: 503, never a 500.

A ``broadsheet serve`` subprocess (production settings, one worker) on a PostgreSQL database
of its own, reached through a TCP proxy the tests cut (connections closed, new ones refused,
as during a restart), stall (connections accepted, never answered: a host gone silent) and
restore. Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 whatever database the
rest of the suite uses. The in-process tests at the end run on the suite's own database.
"""

import json
import os
import time

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path as route

from broadsheet.urls import urlpatterns as site_urls
from tests.e2e.proxy import TcpProxy
from tests.e2e.stack import Response, Stack, request

WITHIN = 60.0
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON = {"Accept": "application/json"}


@pytest.fixture(scope="module")
def site():
    proxy = TcpProxy().restore()
    stack = Stack(
        name=f"broadsheet_outage_{os.getpid()}",
        app_servers=1,
        workers_per_server=1,
        with_worker=False,
        extra_env={"BROADSHEET_PURGE_URL": ""},  # no Varnish here
    )
    try:
        stack.start()
        console = stack.console()
        stack.articles = console("build", host="127.0.0.1", port=80, articles=1)["articles"]
        console.close()
        # The app server reaches the database through the proxy; the test's own checks not.
        stack.extra_env["BROADSHEET_DATABASE_URL"] = (
            f"postgres://postgres@{proxy.address}/{stack.name}"
        )
        stack.proxy = proxy
        stack.start_app_server(0)
        yield stack
    finally:
        stack.stop()
        proxy.close()


def get(site: Stack, path: str, headers: dict[str, str] = BROWSER, **options) -> Response:
    return request(site.app() + path, headers=headers, **options)


def until_serving(site: Stack) -> None:
    deadline = time.monotonic() + WITHIN
    while get(site, "/").status != 200:
        if time.monotonic() > deadline:
            raise AssertionError(f"the front page did not come back within {WITHIN:.0f} s")
        time.sleep(0.2)


@pytest.fixture
def database_down(site):
    site.proxy.cut()
    yield site
    site.proxy.restore()
    until_serving(site)


def assert_unavailable(response: Response) -> None:
    assert response.status == 503, response.body[:500]
    assert response.header("Retry-After").isdigit()
    assert "no-store" in response.header("Cache-Control")


def test_browsers_get_a_503_page_with_retry_after(database_down):
    article = database_down.articles[0]["url"]
    for path in ("/", article, "/feeds/rss/", "/search/?q=ferry", "/accounts/login/"):
        response = get(database_down, path)

        assert_unavailable(response)
        assert response.header("Content-Type").startswith("text/html"), path
        assert "Back in a moment" in response.body, path


def test_json_clients_get_a_json_503(database_down):
    article = database_down.articles[0]
    for path in ("/", article["url"], f"/comments/token/{article['id']}/"):
        response = get(database_down, path, JSON)

        assert_unavailable(response)
        assert response.header("Content-Type") == "application/json", path
        body = json.loads(response.body)
        assert body["ok"] is False
        assert body["status"] == 503
        assert body["message"]


def test_a_comment_post_gets_a_503_with_a_message_the_form_shows(database_down):
    article = database_down.articles[0]
    response = request(
        f"{database_down.app()}/comments/post/{article['id']}/",
        method="POST",
        data=b"name=Ines&email=ines%40readers.example&text=Early+sailing+please&token=x",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": database_down.app(),
            **JSON,
        },
    )

    assert_unavailable(response)
    assert "try again" in json.loads(response.body)["message"]


def test_readyz_fails_while_healthz_stays_up(database_down):
    ready = get(database_down, "/readyz")
    live = get(database_down, "/healthz")

    assert ready.status == 503
    assert json.loads(ready.body)["checks"]["database"].startswith("error")
    assert live.status == 200


def test_a_database_host_that_never_answers_gets_a_503_too(site):
    site.proxy.stall()
    try:
        # Without a connect timeout the request would wait until gunicorn killed its worker.
        response = get(site, "/", timeout=WITHIN)
    finally:
        site.proxy.restore()
    assert_unavailable(response)
    until_serving(site)


def test_the_outage_is_logged_once_and_the_site_recovers_by_itself(site):
    article = site.articles[0]["url"]
    logged_from = len(site.log("app0"))

    site.proxy.cut()
    for _ in range(3):
        assert get(site, "/").status == 503
        assert get(site, article, JSON).status == 503
        assert get(site, "/readyz").status == 503
    site.proxy.restore()

    until_serving(site)
    assert get(site, article).status == 200
    assert get(site, "/readyz").status == 200
    lines = [line for line in site.log("app0")[logged_from:].splitlines() if line.strip()]
    assert sum("is unreachable" in line for line in lines) == 1, lines
    assert sum("answers again" in line for line in lines) == 1, lines
    # No traceback, and no line per request from Django's request logger.
    assert not [line for line in lines if "Traceback" in line or "django.request" in line]


# In-process, on the suite's database: errors that are not an outage stay 500s. --------------


def fails_with_a_missing_table(request):
    with transaction.atomic(), connection.cursor() as cursor:  # the connection stays usable
        cursor.execute("SELECT * FROM broadsheet_no_such_table")
    return HttpResponse("unreachable")


def fails_with_a_bug(request):
    raise RuntimeError("a bug")


urlpatterns = [
    route("broken/table/", fails_with_a_missing_table),
    route("broken/code/", fails_with_a_bug),
    *site_urls,
]
handler500 = "broadsheet.ops.errors.server_error"


@pytest.fixture
def client_seeing_errors(db):
    with override_settings(ROOT_URLCONF=__name__):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/broken/table/", "/broken/code/"])
def test_a_failure_with_a_database_that_answers_is_a_500(client_seeing_errors, path):
    page = client_seeing_errors.get(path, headers=BROWSER)
    data = client_seeing_errors.get(path, headers=JSON)

    assert page.status_code == data.status_code == 500
    assert "Retry-After" not in page
    assert b"Something went wrong" in page.content
    assert data.json()["ok"] is False
    assert "no-store" in data["Cache-Control"]
