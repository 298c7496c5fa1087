"""Opaque cursors for the API's lists.

A cursor is the position after the last item of a page, in the list's own order, wrapped in
URL-safe base64 so that clients treat it as a token, not as a date or an id to edit. Every
list is walked by keyset (``WHERE (t, id) < (…)``), never by offset: items published while a
client walks a newest-first list land before its first page, so the walk misses and repeats
nothing that was listed when it started.
"""

import base64
import binascii

from broadsheet.api.ids import MAX_ID
from broadsheet.core.pagination import Cursor


class BadCursor(ValueError):
    """The client sent something that is not a cursor of ours."""


def encode(position: Cursor | int) -> str:
    raw = position.encode() if isinstance(position, Cursor) else f"id-{position}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def _raw(token: str) -> str:
    try:
        return base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadCursor(token) from exc


def decode_time(token: str) -> Cursor:
    """A position in a list ordered by time, then id."""
    try:
        position = Cursor.decode(_raw(token))
    except ValueError as exc:
        raise BadCursor(token) from exc
    if position.pk > MAX_ID:  # 19 digits may still be more than a database key holds
        raise BadCursor(token)
    return position


def decode_id(token: str) -> int:
    """A position in a list ordered by id."""
    raw = _raw(token)
    digits = raw[3:]
    if not raw.startswith("id-") or not (digits.isascii() and digits.isdigit()) or len(raw) > 22:
        raise BadCursor(token)
    if int(digits) > MAX_ID:
        raise BadCursor(token)
    return int(digits)
