"""Routing: which rule an item meets, and what follows from it. Pure: no database.

Terms:

* a **rule** (:class:`Rule`) has conditions and actions. An item *meets* a rule when it
  meets every condition the rule gives (an empty condition is met by anything): one of the
  rule's keywords among the item's keywords, one of its subjects among the item's subject
  codes or names, its category among the item's categories, urgency at most the rule's
  (1 is the most urgent), its language, its regular expression found in headline or body.
  Words are compared without regard to case.
* **routing** tries the rules in order; the first rule the item meets decides. Its actions
  set the section (else the source's default), add tags to the source's, mark the item
  breaking, publish it straight away, or drop it. With no rule met, the source's defaults
  apply.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from broadsheet.wire.parsers import ParsedItem


@dataclass(frozen=True)
class Rule:
    id: int
    keywords: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    category: str = ""
    max_urgency: int | None = None
    language: str = ""
    pattern: str = ""
    section_id: int | None = None
    add_tags: tuple[str, ...] = ()
    breaking: bool = False
    auto_publish: bool = False
    drop: bool = False


@dataclass(frozen=True)
class Defaults:
    section_id: int | None = None
    tags: tuple[str, ...] = ()
    auto_publish: bool = False


@dataclass(frozen=True)
class Route:
    rule_id: int | None
    section_id: int | None
    tags: tuple[str, ...]
    breaking: bool = False
    auto_publish: bool = False
    drop: bool = False


def route(item: ParsedItem, rules: Sequence[Rule], defaults: Defaults) -> Route:
    for rule in rules:
        if meets(item, rule):
            return Route(
                rule_id=rule.id,
                section_id=rule.section_id or defaults.section_id,
                tags=tuple(dict.fromkeys((*defaults.tags, *rule.add_tags))),
                breaking=rule.breaking,
                auto_publish=rule.auto_publish or defaults.auto_publish,
                drop=rule.drop,
            )
    return Route(
        rule_id=None,
        section_id=defaults.section_id,
        tags=defaults.tags,
        auto_publish=defaults.auto_publish,
    )


def meets(item: ParsedItem, rule: Rule) -> bool:
    def folded(values) -> set[str]:
        return {v.casefold() for v in values}

    if rule.keywords and not folded(rule.keywords) & folded(item.keywords):
        return False
    if rule.subjects and not folded(rule.subjects) & folded(item.subjects):
        return False
    if rule.category and rule.category.casefold() not in folded(item.categories):
        return False
    if rule.max_urgency is not None and (item.urgency is None or item.urgency > rule.max_urgency):
        return False
    if rule.language and not item.language.casefold().startswith(rule.language.casefold()):
        return False
    if rule.pattern:
        try:
            found = re.search(rule.pattern, f"{item.headline}\n{item.body}", re.IGNORECASE)
        except re.error:
            return False  # a rule that does not compile matches nothing (the admin validates)
        if found is None:
            return False
    return True
