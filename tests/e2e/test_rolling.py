"""Restarting and reloading app servers under load loses nothing, on the production stack.

Needs what tests/e2e/test_stack.py needs. The app servers run a settings module and a URLconf
from a temporary directory on their PYTHONPATH, so a test can change code they import and
reload them. The load (tests/e2e/load.py) posts comments and reads pages through Varnish from a
few threads. Latencies are measured by bench/restart.py; these tests assert only that every
request was answered and every accepted comment stored once.
"""

import os
import subprocess
import time
from collections import Counter

import pytest

from tests.e2e.load import Load
from tests.e2e.stack import REPO, Stack, request, until

pytestmark = pytest.mark.e2e

# The stack's Varnish probe (every 1 s, healthy while 2 of the last 3 succeed) counts a server
# sick after 2 failed probes, at most 2 s after /readyz starts failing; 3 s more for margin.
DRAIN_SECONDS = 5

SETTINGS = """\
from tests.e2e.settings import *  # noqa: F403

ROOT_URLCONF = "rolling_urls"
"""


def urlconf(release: str) -> str:
    """The site's URLs plus ``/release/``, which answers ``release``: read at import time."""
    return f"""\
from django.http import HttpResponse
from django.urls import path

from broadsheet.urls import urlpatterns as site

RELEASE = {release!r}


def release(request):
    return HttpResponse(RELEASE, content_type="text/plain")


urlpatterns = [path("release/", release), *site]
"""


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    code = tmp_path_factory.mktemp("release")
    (code / "rolling_settings.py").write_text(SETTINGS)
    (code / "rolling_urls.py").write_text(urlconf("first release"))
    stack = Stack(
        name=f"broadsheet_rolling_{os.getpid()}",
        settings_module="rolling_settings",
        extra_env={
            "PYTHONPATH": f"{REPO}{os.pathsep}{code}",
            "BROADSHEET_DRAIN_SECONDS": str(DRAIN_SECONDS),
        },
    )
    stack.code = code
    try:
        stack.articles = stack.start_newsroom(articles=2)
        yield stack
    finally:
        stack.stop()


def reader_load(stack: Stack) -> Load:
    """Posts on the first article; reads its cached page and the uncached comment-form token."""
    article = stack.articles[0]
    pages = [article["url"], f"/comments/token/{article['id']}/"]
    return Load(stack, article_id=article["id"], token=stack.form_token(article["id"]), pages=pages)


def stored_comments(stack: Stack) -> Counter:
    rows = stack.console_("comments", article_id=stack.articles[0]["id"])["comments"]
    return Counter(row["text"] for row in rows)


def release(stack: Stack, index: int) -> str:
    return request(stack.app(index) + "/release/").body


def workers(stack: Stack, index: int) -> set[int]:
    master = stack.processes[f"app{index}"].pid
    ps = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True)
    return {int(pid) for pid in ps.stdout.split()}


def test_a_rolling_restart_under_load_refuses_nothing_and_stores_every_comment_once(stack):
    restarts = []
    with reader_load(stack) as load:
        time.sleep(1)  # the load is running before the first server drains
        for index in range(stack.app_servers):
            started = time.monotonic()
            stack.restart_app_server(index)
            restarts.append((started, time.monotonic()))
        time.sleep(1)

    assert not load.exhausted, "the load ended before the restarts did"
    for started, ended in restarts:
        assert load.between(started, ended), "no request was sent during a restart"
    assert [(a.kind, a.status) for a in load.failures()] == []
    accepted = load.accepted_texts()
    stored = stored_comments(stack)
    assert accepted
    assert {text: stored[text] for text in accepted if stored[text] != 1} == {}


def test_a_reload_serves_the_new_code_and_fails_no_request(stack):
    before = {index: workers(stack, index) for index in range(stack.app_servers)}
    for index in range(stack.app_servers):
        assert release(stack, index) == "first release"
    # A different length as well as new content: Python's cached bytecode is checked against
    # the source's size and modification time, and both writes may fall in the same second.
    (stack.code / "rolling_urls.py").write_text(urlconf("second release, reloaded"))

    with reader_load(stack) as load:
        time.sleep(1)
        for index in range(stack.app_servers):
            stack.reload_app_server(index)
        for index in range(stack.app_servers):
            # Done when every worker is a new one: the old ones have finished and left.
            until(
                lambda index=index: (
                    (now := workers(stack, index))
                    and not now & before[index]
                    and len(now) == stack.workers_per_server
                ),
                f"app{index}'s workers being replaced",
            )
        time.sleep(1)

    for index in range(stack.app_servers):
        assert release(stack, index) == "second release, reloaded"
    assert not load.exhausted, "the load ended before the reload did"
    assert [(a.kind, a.status) for a in load.failures()] == []
    stored = stored_comments(stack)
    assert {text: stored[text] for text in load.accepted_texts() if stored[text] != 1} == {}
