"""Redis and the app servers' database connections lost under load, on the production stack.

Two app servers, Varnish, the worker and PostgreSQL as in test_stack.py; the app servers and
the worker reach Redis through a port the test can cut (tests/e2e/proxy.py), so the shared
Redis keeps running for every other test. Each test asserts what readers get while the fault
lasts (no 500, every comment accepted), that each accepted comment is stored exactly once,
and that the stack recovers by itself.
"""

import json
import uuid

import psycopg
import pytest

from tests.e2e.proxy import TcpProxy
from tests.e2e.stack import POSTGRES_ADMIN, Stack, request

pytestmark = pytest.mark.e2e

REDIS = ("127.0.0.1", 6379)


@pytest.fixture(scope="module")
def redis_port():
    proxy = TcpProxy(upstream=REDIS).restore()
    yield proxy
    proxy.cut()


@pytest.fixture(scope="module")
def stack(redis_port):
    stack = Stack(
        settings_module="tests.e2e.settings",
        extra_env={"BROADSHEET_REDIS_URL": f"redis://{redis_port.address}/14"},
    )
    try:
        stack.articles = stack.start_newsroom(articles=2)
        yield stack
    finally:
        stack.stop()


def uncached_pages(stack: Stack) -> list[str]:
    """Pages no cache has kept: a search nobody ran before, the article straight from an app."""
    article = stack.articles[0]
    word = uuid.uuid4().hex[:8]
    return [
        f"{stack.varnish}/search/?q={word}",
        f"{stack.app(0)}{article['url']}",
        f"{stack.app(1)}/",
    ]


def stored_texts(stack: Stack, article_id: int) -> list[str]:
    return [c["text"] for c in stack.console_("comments", article_id=article_id)["comments"]]


def test_with_redis_gone_pages_render_comments_are_taken_and_servers_stay_ready(stack, redis_port):
    article = stack.articles[0]
    token = stack.form_token(article["id"])
    texts = [f"Said while Redis was away: {uuid.uuid4().hex}" for _ in range(6)]
    redis_port.cut()
    try:
        pages = [request(url).status for _ in range(3) for url in uncached_pages(stack)]
        ready = [json.loads(request(f"{stack.app(i)}/readyz").body) for i in (0, 1)]
        answers = [stack.post_comment(article["id"], token, text).status for text in texts]
    finally:
        redis_port.restore()

    assert pages == [200] * len(pages)
    # Ready, so Varnish keeps sending readers; the check names what is missing.
    assert [r["status"] for r in ready] == ["degraded", "degraded"], ready
    assert all(r["checks"]["cache"] != "ok" for r in ready)
    assert answers == [201] * len(texts)
    rows = stored_texts(stack, article["id"])
    assert all(rows.count(text) == 1 for text in texts)
    # Back by itself: the next probe reads Redis again.
    for index in (0, 1):
        assert json.loads(request(f"{stack.app(index)}/readyz").body)["status"] == "ok"


def test_killed_database_connections_cost_no_request_and_no_comment(stack):
    article = stack.articles[1]
    token = stack.form_token(article["id"])
    texts = [f"Said around a killed connection: {uuid.uuid4().hex}" for _ in range(6)]
    answers, pages = [], []
    with psycopg.connect(f"{POSTGRES_ADMIN}/postgres", autocommit=True) as admin:
        for text in texts:
            # Every connection of the app servers and the worker, between two requests.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND pid <> pg_backend_pid()",
                [stack.name],
            )
            answers.append(stack.post_comment(article["id"], token, text).status)
            pages += [request(url).status for url in uncached_pages(stack)]

    assert pages == [200] * len(pages)
    assert answers == [201] * len(texts)
    rows = stored_texts(stack, article["id"])
    assert all(rows.count(text) == 1 for text in texts)
