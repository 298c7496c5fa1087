"""Access and erasure requests across apps: each app that keeps data about an email address
registers how to export and erase it, and the privacy commands walk them all.

Core knows no app. Apps above it register in their ``ready()``; an app below another (comments
below newsletters) thereby needs no import of the one above to be covered by one command.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Keeper:
    """One app's hold on personal data: ``export(email=)`` returns JSON-ready data,
    ``erase(email=)`` removes it and returns how many records it touched."""

    name: str
    export: Callable[..., object]
    erase: Callable[..., int]


_KEEPERS: dict[str, Keeper] = {}


def register(name: str, *, export: Callable[..., object], erase: Callable[..., int]) -> None:
    _KEEPERS[name] = Keeper(name, export, erase)


def keepers() -> list[Keeper]:
    """Every registered keeper, in the order apps registered them."""
    return list(_KEEPERS.values())


def export_all(*, email: str) -> dict[str, object]:
    return {keeper.name: keeper.export(email=email) for keeper in keepers()}


def erase_all(*, email: str) -> dict[str, int]:
    return {keeper.name: keeper.erase(email=email) for keeper in keepers()}
