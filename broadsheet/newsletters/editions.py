"""Making editions: the automatic digest on its schedule, an article sent as an alert, and
queueing an edition's recipients in the ledger.

Schedules are read in the site's time zone (``SiteSettings.time_zone``): "07:00 every day"
means seven in the morning where the newsroom is, summer and winter.
"""

import zoneinfo
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from broadsheet.core.models import SiteSettings
from broadsheet.newsletters import content
from broadsheet.newsletters.models import (
    Cadence,
    Delivery,
    Edition,
    EditionStatus,
    Kind,
    Newsletter,
    Subscriber,
)

QUEUE_CHUNK = 2000


def site_zone() -> zoneinfo.ZoneInfo:
    site_settings = SiteSettings.objects.first()
    return zoneinfo.ZoneInfo(site_settings.time_zone if site_settings else "UTC")


def latest_slot(newsletter: Newsletter, now: datetime, zone: zoneinfo.ZoneInfo) -> datetime | None:
    """The newsletter's most recent scheduled time at or before ``now`` (within a week)."""
    if newsletter.cadence == Cadence.ALERTS:
        return None
    local = now.astimezone(zone)
    for days_back in range(8):
        day = (local - timedelta(days=days_back)).date()
        if newsletter.cadence == Cadence.WEEKDAYS and day.weekday() >= 5:
            continue
        if newsletter.cadence == Cadence.WEEKLY and day.weekday() != newsletter.weekday:
            continue
        slot = datetime.combine(day, newsletter.send_time, tzinfo=zone)
        if slot <= local:
            return slot
    return None


def due_newsletters(now: datetime) -> list[tuple[Newsletter, datetime]]:
    """Newsletters whose latest scheduled time has passed and was not handled yet.

    A newsletter created after its slot waits for the next one, so a new list does not send
    at once the moment it is saved.
    """
    zone = site_zone()
    due = []
    for newsletter in Newsletter.objects.filter(active=True).exclude(cadence=Cadence.ALERTS):
        slot = latest_slot(newsletter, now, zone)
        if slot is None or slot < newsletter.created_at:
            continue
        if newsletter.last_slot_at is None or newsletter.last_slot_at < slot:
            due.append((newsletter, slot))
    return due


def last_covered(newsletter: Newsletter, now: datetime) -> datetime:
    """Where the next digest starts: the last one's end, or for a first edition one period
    (a day, a week for weekly lists) back."""
    latest = (
        Edition.objects.filter(newsletter=newsletter, kind=Kind.AUTOMATIC)
        .exclude(covers_until=None)
        .order_by("-covers_until")
        .values_list("covers_until", flat=True)
        .first()
    )
    if latest is not None:
        return latest
    return now - timedelta(days=7 if newsletter.cadence == Cadence.WEEKLY else 1)


@transaction.atomic
def build_automatic(
    newsletter: Newsletter, *, now: datetime | None = None, slot: datetime | None = None
) -> Edition | None:
    """The digest of what was published in the newsletter's selection since its last
    edition, ready to send; ``None`` (and no edition) when nothing is new.

    With ``slot`` (the worker), nothing is built when another worker already handled that
    scheduled time: the newsletter's row is locked while deciding.
    """
    now = now or timezone.now()
    locked = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
    if slot is not None and locked.last_slot_at is not None and locked.last_slot_at >= slot:
        return None
    Newsletter.objects.filter(pk=newsletter.pk).update(last_slot_at=now)
    articles = list(
        content.new_articles(newsletter, since=last_covered(newsletter, now), until=now)
    )
    if not articles:
        return None
    local = now.astimezone(site_zone())
    return Edition.objects.create(
        newsletter=newsletter,
        kind=Kind.AUTOMATIC,
        subject=f"{newsletter.name}: {articles[0].title}",
        content=[("article", {"article": a, "teaser": ""}) for a in articles],
        status=EditionStatus.SCHEDULED,
        scheduled_at=now,
        covers_until=now,
        intro=f"{local:%A %-d %B}: {len(articles)} new "
        + ("story" if len(articles) == 1 else "stories"),
    )


def build_alert(*, article: ArticlePage, newsletters: list[Newsletter]) -> list[Edition]:
    """An article sent at once, as its own edition, to each chosen newsletter."""
    return [
        Edition.objects.create(
            newsletter=newsletter,
            kind=Kind.ALERT,
            subject=article.title,
            content=[("article", {"article": article, "teaser": ""})],
            status=EditionStatus.SCHEDULED,
            scheduled_at=timezone.now(),
        )
        for newsletter in newsletters
    ]


def queue(edition: Edition) -> int:
    """Write a ledger row for every reachable subscriber of the edition's newsletter and mark
    it sending. Safe to repeat: a row that exists is kept as it stands (the unique pair)."""
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        if locked.status == EditionStatus.SENT or locked.queued_at:
            return 0
        if locked.status != EditionStatus.SENDING:
            locked.status, locked.started_at = EditionStatus.SENDING, timezone.now()
            locked.save(update_fields=["status", "started_at"])
    recipients = (
        Subscriber.objects.reachable()
        .filter(subscriptions__newsletter_id=edition.newsletter_id)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    added, chunk = 0, []
    for subscriber_id in recipients.iterator(chunk_size=QUEUE_CHUNK):
        chunk.append(Delivery(edition_id=edition.pk, subscriber_id=subscriber_id))
        if len(chunk) >= QUEUE_CHUNK:
            added += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
            chunk = []
    if chunk:
        added += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
    Edition.objects.filter(pk=edition.pk).update(queued_at=timezone.now())
    edition.status = EditionStatus.SENDING
    return added
