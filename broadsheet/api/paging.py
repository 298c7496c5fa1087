"""Page sizes and the ``next`` links of every list."""

from django.http import HttpRequest
from ninja.errors import HttpError

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def limit_of(limit: int | None) -> int:
    """The page size asked for, between 1 and :data:`MAX_LIMIT` (400 outside)."""
    if limit is None:
        return DEFAULT_LIMIT
    if not 1 <= limit <= MAX_LIMIT:
        raise HttpError(400, f"limit: between 1 and {MAX_LIMIT}")
    return limit


def page(request: HttpRequest, items: list, cursor: str | None) -> dict:
    """A list's answer: its items, and the cursor and URL of the next page (or ``None``)."""
    next_url = None
    if cursor is not None:
        query = request.GET.copy()
        query["cursor"] = cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"items": items, "next": cursor, "next_url": next_url}


__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "limit_of", "page"]
