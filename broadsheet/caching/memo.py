"""What every reader request looks up first, remembered by each process between content changes.

Every request reaching an app server finds its site, the site's settings, the page at its path,
whether any page is private and the sections for the navigation. None of that changes unless
the content generation moves (``fragments.CONTENT``: publishing, unpublishing, moving a page,
a site, settings, an author or a privacy change — ``broadsheet.freshness.handlers``). So each
process keeps the answers in memory under the generation it read at the start of the request
(:class:`~broadsheet.core.middleware.SiteTimezoneMiddleware` does), and a request reading a new
number never sees an answer from before it: the same exactness as the shared fragments, at the
cost of one indexed query per request instead of six.

Values are shared between requests of one process: callers hand out copies of anything a
request might change (a page object, a settings row). Outside a request (the admin, commands,
tasks), :func:`recall` just computes. ``BROADSHEET_FRAGMENT_CACHE_TIMEOUT=0`` turns this off
with the fragments.

Some answers depend on another generation as well: bans and word lists change with moderation,
not content (``fragments.MODERATION``), the learned filter's version with training
(``fragments.SPAM_FILTER``). Code that has read such a generation runs inside :func:`also` and
asks ``recall(..., under=name)``: the answer is kept with that number and computed again when a
request brings a different one, without forgetting the answers that depend on content only.

An answer is kept with the surrogate keys its computing named (:mod:`broadsheet.caching.keys`)
and names them again each time it is recalled.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from broadsheet.caching import keys

_UNSET = object()
#: Entries one process keeps for one generation; beyond it, answers are computed, not kept.
MAX_ENTRIES = 10_000

_active: ContextVar[int | None] = ContextVar("broadsheet_memo_generation", default=None)
_entries: dict[tuple[int, Hashable], tuple[int | None, tuple[str, ...], object]] = {}
_generation: list[int | None] = [None]
_also: ContextVar[dict[str, int] | None] = ContextVar("broadsheet_memo_also", default=None)


@contextmanager
def remembering(generation: int) -> Iterator[None]:
    """Let :func:`recall` keep answers under ``generation`` for the code run inside."""
    global _entries
    if _generation[0] != generation:
        # A new number: forget the old answers (a request still holding the old number keeps
        # writing under it, where no newer request looks).
        _generation[0] = generation
        _entries = {}
    token = _active.set(generation)
    try:
        yield
    finally:
        _active.reset(token)


@contextmanager
def also(name: str, generation: int) -> Iterator[None]:
    """Let ``recall(..., under=name)`` keep answers under ``generation`` of ``name`` too."""
    token = _also.set({**(_also.get() or {}), name: generation})
    try:
        yield
    finally:
        _also.reset(token)


def recall[T](
    key: Hashable,
    compute: Callable[[], T],
    *,
    default: object = _UNSET,
    under: str | None = None,
) -> T:
    """``compute()``'s answer for ``key`` under the current generation (and ``under``'s).

    Outside :func:`remembering`, returns ``default`` if one is given, else ``compute()``.
    With ``under``, outside :func:`also` for that name, computes every time.
    """
    generation = _active.get()
    if generation is None:
        return compute() if default is _UNSET else default  # type: ignore[return-value]
    entries = _entries
    if under is None:
        slot, extra = (generation, key), None
    else:
        extra = (_also.get() or {}).get(under)
        if extra is None:
            return compute()
        # One slot per key, holding the other generation's number with the answer: a new
        # number replaces the old answer instead of adding one.
        slot = (generation, (under, key))
    kept = entries.get(slot)
    if kept is not None and kept[0] == extra:  # type: ignore[index]
        # The surrogate keys computing it named: the response shows what they name.
        keys.add(*kept[1])  # type: ignore[index]
        return kept[2]  # type: ignore[index]
    with keys.capture() as named:
        value = compute()
    if kept is not None or len(entries) < MAX_ENTRIES:
        entries[slot] = (extra, tuple(named), value)
    return value


def clear() -> None:
    """Forget everything (tests do, between databases)."""
    global _entries
    _entries = {}
    _generation[0] = None
