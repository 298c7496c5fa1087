"""Storing what a poll parsed: each item once, each of its versions once, routed on arrival.

Identity is the source, the item's guid and its version (``ParsedItem.key_version``): an
unchanged feed re-polled stores nothing, an item whose content changed gets a new version.
Which version is current: the highest, when the source numbers them; else the one that
arrived last.
"""

from dataclasses import asdict, dataclass, field
from datetime import datetime

from django.db.models import Q

from broadsheet.wire import routing
from broadsheet.wire.models import Item, ItemVersion, PubStatus, RoutingRule, Source, split_list
from broadsheet.wire.parsers import ParsedItem

CHUNK = 500
NO_HEADLINE = "(no headline)"


@dataclass
class Stored:
    """What one poll changed. Items are listed for what must follow in the articles."""

    seen: int = 0
    new_items: list[Item] = field(default_factory=list)
    new_versions: list[Item] = field(default_factory=list)
    killed: list[Item] = field(default_factory=list)
    to_publish: list[Item] = field(default_factory=list)

    @property
    def accepted(self) -> int:
        return len(self.new_items) + len(self.new_versions)


def store_items(*, source: Source, parsed: list[ParsedItem], now: datetime) -> Stored:
    stored = Stored(seen=len(parsed))
    latest = {(p.guid, p.key_version): p for p in parsed if p.guid}  # a repeat counts once
    rules = rules_for(source)
    defaults = routing.Defaults(
        section_id=source.section_id, tags=tuple(source.tag_list), auto_publish=source.auto_publish
    )
    guids = list(dict.fromkeys(guid for guid, _ in latest))
    existing: dict[str, Item] = {}
    known: set[tuple[int, str]] = set()
    for start in range(0, len(guids), CHUNK):
        chunk = guids[start : start + CHUNK]
        items = Item.objects.filter(source=source, guid__in=chunk).select_related("current")
        existing.update({item.guid: item for item in items})
        known.update(
            ItemVersion.objects.filter(item__source=source, item__guid__in=chunk).values_list(
                "item_id", "version"
            )
        )
    arrived: dict[str, list[ParsedItem]] = {}
    for (guid, version), item_data in latest.items():
        item = existing.get(guid)
        if item is None:
            arrived.setdefault(guid, []).append(item_data)
        elif (item.pk, version) not in known:
            _store_version(item, item_data, now, rules, defaults, stored)
        elif item.current is not None and item.current.version == version:
            if item_data.pub_status != item.status:
                _change_status(item, item_data.pub_status, stored)
    if arrived:
        _store_new(source, arrived, now, rules, defaults, stored)
    return stored


def rules_for(source: Source) -> list[routing.Rule]:
    rules = RoutingRule.objects.filter(Q(source=source) | Q(source__isnull=True), enabled=True)
    return [
        routing.Rule(
            id=rule.pk,
            keywords=tuple(split_list(rule.keywords)),
            subjects=tuple(split_list(rule.subjects)),
            category=rule.category,
            max_urgency=rule.max_urgency,
            language=rule.language,
            pattern=rule.pattern,
            section_id=rule.section_id,
            add_tags=tuple(split_list(rule.add_tags)),
            breaking=rule.breaking,
            auto_publish=rule.auto_publish,
            drop=rule.drop,
        )
        for rule in rules
    ]


def _store_new(source, arrived: dict[str, list[ParsedItem]], now, rules, defaults, stored):
    """Items never seen before, in a few statements whatever their number."""
    items, versions, decisions, newest_of = [], [], [], []
    for guid, datas in arrived.items():
        item = Item(source=source, guid=guid, first_seen_at=now, updated_at=now)
        newest = datas[0]
        for data in datas[1:]:
            if is_newer(data.key_version, newest.key_version):
                newest = data
        decisions.append(_route(item, newest, rules, defaults))
        newest_of.append(newest)
        item.status = newest.pub_status
        items.append(item)
        versions.append([(data, ItemVersion(**_version_fields(data, now))) for data in datas])
    Item.objects.bulk_create(items)
    for item, item_versions in zip(items, versions, strict=True):
        for _, version in item_versions:
            version.item = item
    ItemVersion.objects.bulk_create([v for each in versions for _, v in each])
    for item, item_versions, decided, newest in zip(
        items, versions, decisions, newest_of, strict=True
    ):
        item.current = next(v for data, v in item_versions if data is newest)
        stored.new_items.append(item)
        if item.killed:
            stored.killed.append(item)
        elif decided.auto_publish and not decided.drop:
            stored.to_publish.append(item)
    Item.objects.bulk_update(items, ["current"])


def _store_version(item: Item, data: ParsedItem, now, rules, defaults, stored: Stored) -> None:
    version = ItemVersion.objects.create(item=item, **_version_fields(data, now))
    if not is_newer(version.version, item.current.version if item.current else None):
        return  # a late copy of an older version: kept, not current
    item.current = version
    item.updated_at = now
    decided = _route(item, data, rules, defaults) if item.article_id is None else None
    item.save()
    stored.new_versions.append(item)
    if data.pub_status != item.status:
        _change_status(item, data.pub_status, stored)
    elif decided and decided.auto_publish and not decided.drop and not item.killed:
        stored.to_publish.append(item)


def _route(item: Item, data: ParsedItem, rules, defaults) -> routing.Route:
    decided = routing.route(data, rules, defaults)
    item.rule_id = decided.rule_id
    item.section_id = decided.section_id
    item.tags = ", ".join(decided.tags)
    item.breaking = decided.breaking
    item.dropped = decided.drop
    return decided


def _change_status(item: Item, status: str, stored: Stored) -> None:
    item.status = status
    item.save(update_fields=["status"])
    ItemVersion.objects.filter(pk=item.current_id).update(pub_status=status)
    if status != PubStatus.USABLE:
        stored.killed.append(item)


def is_newer(version: str, than: str | None) -> bool:
    """Whether ``version`` replaces ``than`` as current: by number when both are numbers."""
    if than is None:
        return True
    if version.isdigit() and than.isdigit():
        return int(version) > int(than)
    return True


def _version_fields(data: ParsedItem, now: datetime) -> dict:
    return {
        "version": data.key_version,
        "received_at": now,
        "headline": (data.headline or NO_HEADLINE)[:500],
        "byline": data.byline[:300],
        "summary": data.summary,
        "body": data.body,
        "url": data.url[:1000],
        "subjects": list(data.subjects),
        "keywords": list(data.keywords),
        "categories": list(data.categories),
        "urgency": data.urgency,
        "language": data.language[:20],
        "created_at": data.created_at,
        "version_created_at": data.version_created_at,
        "embargo_until": data.embargo_until,
        "pub_status": data.pub_status,
        "pictures": [asdict(p) for p in data.pictures],
        "raw": data.raw,
    }
