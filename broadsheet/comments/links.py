"""The reader links under each comment (permalink, like, reply, report).

A page of threads shows four links per comment; reversing each costs more than the rest of the
comment's markup. :func:`attach_links` reverses each view once with a probe number and fills in
every comment's number, giving exactly the URLs ``{% url %}`` gives.
"""

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.urls import reverse

if TYPE_CHECKING:
    from broadsheet.comments.selectors import Node

READER_LINKS = ("permalink", "like", "reply", "report")
_PROBE = 918273645


def _reverser(name: str) -> Callable[[int], str]:
    return lambda pk: reverse(f"comments:{name}", args=[pk])


def _link_maker(name: str) -> Callable[[int], str]:
    """``pk -> URL`` for one comment view: reversed once, then filled in per comment."""
    probe = reverse(f"comments:{name}", args=[_PROBE])
    before, found, after = probe.partition(str(_PROBE))
    if not found or str(_PROBE) in after:
        return _reverser(name)
    return lambda pk: f"{before}{int(pk)}{after}"


def reader_links(pk: int) -> dict[str, str]:
    """One comment's links, reversed one by one."""
    return {name: _reverser(name)(pk) for name in READER_LINKS}


def attach_links(threads: Iterable["Node"]) -> None:
    """Give every node in ``threads`` (and below) its links, one reverse per view in all."""
    makers = {name: _link_maker(name) for name in READER_LINKS}
    stack = list(threads)
    while stack:
        node = stack.pop()
        node.links = {name: make(node.comment.pk) for name, make in makers.items()}
        stack.extend(node.children)
