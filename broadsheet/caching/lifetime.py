"""How long the shared cache may keep the response being built, when a part of it lives
shorter than a page (a breaking news banner with an expiry).

The part calls :func:`keep_at_most` while the page renders; the shared cache middleware then
gives the response ``s-maxage`` no longer than that (:func:`at_most`), so the cache fetches the
page again when the part runs out, with nobody purging it.
"""

from django.http import HttpRequest

_AT_MOST = "_broadsheet_keep_at_most"


def keep_at_most(request: HttpRequest, seconds: int) -> None:
    """Let the shared cache keep this request's response at most ``seconds``."""
    before = at_most(request)
    setattr(request, _AT_MOST, seconds if before is None else min(seconds, before))


def at_most(request: HttpRequest) -> int | None:
    """The shortest bound asked for while building the response, if any."""
    return getattr(request, _AT_MOST, None)
