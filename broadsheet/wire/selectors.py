"""Reads of the wire: the desk's listing and its filters, the rows the command prints."""

from django.db.models import Count, Q, QuerySet

from broadsheet.wire.models import Item, Source


def desk_items(
    *,
    source: int | None = None,
    section: int | None = None,
    language: str = "",
    urgency: int | None = None,
    used: bool | None = None,
    search: str = "",
) -> QuerySet[Item]:
    """Items newest first, as the desk lists them (dropped items left out)."""
    items = Item.objects.filter(dropped=False).select_related("current", "source", "section")
    if source:
        items = items.filter(source_id=source)
    if section:
        items = items.filter(section_id=section)
    if language:
        items = items.filter(current__language__istartswith=language)
    if urgency:
        items = items.filter(current__urgency__lte=urgency)
    if used is not None:
        items = items.filter(article__isnull=not used)
    for word in search.split():
        items = items.filter(
            Q(current__headline__icontains=word) | Q(current__body__icontains=word)
        )
    return items.order_by("-updated_at", "-pk")


def health_rows() -> list[dict]:
    sources = Source.objects.select_related("health").annotate(stored=Count("items"))
    rows = []
    for source in sources.order_by("pk"):
        health = getattr(source, "health", None)
        rows.append(
            {
                "id": source.pk,
                "name": source.name,
                "url": source.url,
                "format": source.format,
                "items": source.stored,
                "last_success": health.last_success_at if health else None,
                "last_error": health.last_error if health else "",
                "alarm": health.alarm if health else "",
            }
        )
    return rows


def item_rows(*, source_id: int | None = None) -> list[dict]:
    items = Item.objects.select_related("current", "source", "section").order_by("pk")
    if source_id is not None:
        items = items.filter(source_id=source_id)
    return [
        {
            "id": item.pk,
            "source": item.source.name,
            "guid": item.guid,
            "version": item.current.version if item.current else "",
            "headline": item.current.headline if item.current else "",
            "urgency": item.current.urgency if item.current else None,
            "section": item.section.title if item.section else "",
            "embargo": item.current.embargo_until if item.current else None,
            "status": _status(item),
        }
        for item in items
    ]


def _status(item: Item) -> str:
    if item.dropped:
        return "dropped"
    if item.killed:
        return item.status
    if item.article_id:
        return "published" if item.auto_published else "written up"
    return "new"
