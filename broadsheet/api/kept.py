"""Whole answers of the article reads, kept in the shared fragment store until the content
changes.

An answer is built from the database, pydantic-validated against the published schema and
rendered to JSON once; the bytes, the status and the headers the operation set are then kept
through :func:`broadsheet.caching.fragments.cached`, as the article page keeps its parts: under
the current ``content`` generation (which every publish, edit, unpublish, move, and change to
a section, author, photo, story or the site settings moves in its own transaction), the
request's path and query string, its host, scheme and language, and whatever else the
operation says it varies on (an article's ``Accept``: JSON or NINJS). So a kept answer is
never out of date, by construction, and names the same surrogate keys as a built one. What
the article answers show moves no other generation: they carry no comments.

Only requests that may share fragments use it (no signed-in reader), and never a preview:
an operation passes ``unless`` for the requests that must always be built. Answers other than
200 are never kept. When the shared cache is unreachable, the answer is built from the
database (``caching/resilient.py``).
"""

import functools
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from broadsheet.caching import fragments

type Run = Callable[..., HttpResponseBase]
#: What a kept answer holds: status, body, the headers the operation set.
type Kept = tuple[int, bytes, tuple[tuple[str, str], ...]]


class _NotKept(Exception):
    """An answer that is not kept (an error): handed back as it was built."""

    def __init__(self, response: HttpResponseBase) -> None:
        super().__init__(response.status_code)
        self.response = response


def shared(
    *,
    varies_on: Callable[[HttpRequest], object] | None = None,
    unless: Callable[[HttpRequest], bool] | None = None,
) -> Callable[[Run], Run]:
    """Decorate an operation's run (``ninja.decorators.decorate_view``) to keep its 200
    answers. ``varies_on(request)`` gives what, besides the path and query string, changes
    the answer; ``unless(request)`` is true for requests that must be built every time."""

    def decorate(run: Run) -> Run:
        @functools.wraps(run)
        def answer(request: HttpRequest, **kw: object) -> HttpResponseBase:
            if not fragments.usable(request) or (unless is not None and unless(request)):
                return run(request, **kw)

            def build() -> Kept:
                response = run(request, **kw)
                if response.status_code != 200 or response.streaming:
                    raise _NotKept(response)
                return response.status_code, response.content, tuple(response.items())

            parts = [request.get_full_path(), varies_on(request) if varies_on else ""]
            try:
                status, body, headers = fragments.cached(request, "api", parts, build)
            except _NotKept as refused:
                return refused.response
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            return response

        return answer

    return decorate
