"""Ids as clients send them: in paths, in filters that take an id or a slug, in cursors.

Both databases store integer keys in at most 64 signed bits; a larger number sent as an id
would fail inside the database driver (a server error) instead of finding nothing, so it is
refused or treated as no match before any query.
"""

from ninja import Path

MAX_ID = 2**63 - 1

#: An id in a path: 422 naming the parameter when it is not a positive 64-bit integer.
PathId = Path[int, {"ge": 1, "le": MAX_ID}]


def id_or_slug(value: str) -> dict[str, int | str] | None:
    """The lookup for a filter that takes "id or slug": ``{"pk": n}`` for ASCII digits,
    ``{"slug": value}`` otherwise, ``None`` for a number no row can have (nothing matches)."""
    if not (value.isascii() and value.isdigit()):
        return {"slug": value}
    number = int(value)
    return {"pk": number} if number <= MAX_ID else None
