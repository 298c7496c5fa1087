"""What a reader sees through the HTTP cache in front of a stack: Varnish or the nginx front.

Shared by the tests of both fronts (test_stack.py, test_edge.py, test_nginx_front.py). Each
stack keeps its front's port as ``varnish_port`` (``NginxFrontStack`` too), so one ``get``
serves both.
"""

import re
import time

from tests.e2e.stack import Response, Stack, request

# How long a test waits for a change to show through the front before it fails. Generous on
# purpose: the tests assert that the change shows, not how fast; bench/freshness.py measures
# the delay.
SHOWS_WITHIN = 60.0
PLAIN: dict[str, str] = {}  # urllib then sends Accept-Encoding: identity (curl, bots, wrk)
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
READERS = {"plain": PLAIN, "gzip": BROWSER}
FORM_TOKEN = re.compile(r'(?<=<input type="hidden" name="token" value=")[^"]*')


def get(stack: Stack, path: str, **headers: str) -> Response:
    return request(stack.varnish + path, headers=headers)


def until_shows(stack: Stack, path: str, text: str, headers: dict[str, str] = PLAIN) -> None:
    """Poll through the front until ``path`` shows ``text``; fail after ``SHOWS_WITHIN`` s."""
    deadline = time.monotonic() + SHOWS_WITHIN
    while text not in get(stack, path, **headers).body:
        if time.monotonic() > deadline:
            raise AssertionError(f"{path} did not show {text!r} within {SHOWS_WITHIN} s")
        time.sleep(0.05)


def cached_for_both(stack: Stack, path: str) -> dict[str, Response]:
    """Fetch ``path`` until both stored copies are hits; the second answer of each."""
    answers = {}
    for reader, headers in READERS.items():
        get(stack, path, **headers)
        answers[reader] = get(stack, path, **headers)
        assert answers[reader].header("X-Cache") == "HIT", (path, reader)
    return answers


def object_id(response: Response) -> str:
    """The id of the stored object a Varnish hit came from (second number of X-Varnish)."""
    return response.header("X-Varnish").split()[1]
