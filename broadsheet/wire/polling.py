"""Polling sources: fetch, parse, store, follow up in the articles, keep each source's health.

``broadsheet worker`` calls :func:`poll_due_sources` every minute (registered with
``core.scheduling`` in this app's ``ready()``). A source is due when its interval has passed
since its last poll; after a failure it waits its interval times 2, 4, 8… (at most
:data:`MAX_BACKOFF_MINUTES`). A failure of one source, whatever it is, never stops the others.

The desk is emailed once when a source raises its alarm, and again only after it recovered:
when it has failed :data:`FAILURES_FOR_ALARM` times in a row, or nothing new has arrived for
longer than its idle alarm.
"""

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from broadsheet.wire import actions, fetching, mail
from broadsheet.wire.ingest import store_items
from broadsheet.wire.models import Format, Source, SourceHealth
from broadsheet.wire.parsers import ParseError, parse

logger = logging.getLogger(__name__)

MAX_BACKOFF_MINUTES = 6 * 60
#: Seconds one run of the worker's minute spends polling at most.
BUDGET_SECONDS = 40.0
FAILURES_FOR_ALARM = 3


@dataclass(frozen=True)
class PollReport:
    source_id: int
    changed: bool = False
    seen: int = 0
    new_items: int = 0
    new_versions: int = 0
    killed: int = 0
    published: int = 0
    error: str = ""


def poll_due_sources(
    *, now: datetime | None = None, budget: float = BUDGET_SECONDS
) -> list[PollReport]:
    """Poll the sources that are due, the longest overdue first, for ``budget`` seconds at
    most: the worker's other minute jobs (scheduled publishing) must not wait behind a slow
    wire. Sources left over are still due next minute, and go first then."""
    now = now or timezone.now()
    started = time.monotonic()
    sources = (
        Source.objects.filter(enabled=True)
        .select_related("health")
        .order_by(F("health__next_poll_at").asc(nulls_first=True), "pk")
    )
    reports = []
    for source in sources:
        if not _due(source, now):
            continue
        reports.append(poll_source(source=source, now=now))
        if time.monotonic() - started >= budget:
            break
    check_idle_alarms(now=now)
    return reports


def poll_source(*, source: Source, now: datetime | None = None) -> PollReport:
    """Poll ``source`` once, whenever it is due; the outcome is also in its health record."""
    now = now or timezone.now()
    health, _ = SourceHealth.objects.get_or_create(source=source)
    health.last_polled_at = now
    try:
        answer = fetching.fetch(
            fetching.Target(
                url=source.url,
                auth=source.auth,
                username=source.username,
                secret=source.secret,
                etag=health.etag,
                last_modified=health.last_modified,
                since=health.last_success_at.timestamp() if health.last_success_at else None,
            ),
            folder=source.format == Format.FOLDER,
        )
        report = _take(source, health, answer, now) if answer.changed else PollReport(source.pk)
    except (fetching.FetchError, ParseError) as error:
        return _failed(source, health, str(error), now)
    except Exception as error:  # a bug on one source must not stop the others
        logger.exception("Polling wire source %s failed", source.pk)
        return _failed(source, health, f"{type(error).__name__}: {error}", now)
    health.etag, health.last_modified = answer.etag, answer.last_modified
    health.last_success_at = now
    health.failures = 0
    health.last_error = ""
    health.next_poll_at = now + timedelta(minutes=source.interval_minutes)
    recovered = health.alarm.startswith("failing") or report.new_items or report.new_versions
    if health.alarm and recovered:
        health.alarm, health.alarm_sent_at = "", None  # a new outage alerts again
    health.save()
    return report


def _take(source: Source, health: SourceHealth, answer, now: datetime) -> PollReport:
    digest = hashlib.sha256(b"\0".join(answer.documents)).hexdigest()
    if digest == health.answer_digest:
        return PollReport(source.pk)  # the same bytes as last time: nothing new in them
    parsed, detected = [], ""
    for document in answer.documents:
        try:
            detected, items = parse(document, _format(source))
        except ParseError:
            if len(answer.documents) == 1:
                raise
            logger.warning("A file in wire folder %s is not a feed we read", source.url)
            continue
        parsed.extend(items)
    with transaction.atomic():
        stored = store_items(source=source, parsed=parsed, now=now)
    published = 0
    for item in stored.to_publish:
        published += _attempt(actions.publish_item, item) is not None
    for item in stored.new_versions:
        if not item.killed:  # a kill's text never replaces the article's: it is withdrawn
            _attempt(actions.follow_new_version, item)
    for item in stored.killed:
        _attempt(actions.withdraw, item)
    health.detected_format = detected
    health.answer_digest = digest
    health.items_seen += stored.seen
    health.items_accepted += stored.accepted
    if stored.accepted:
        health.last_new_item_at = now
    return PollReport(
        source_id=source.pk,
        changed=True,
        seen=stored.seen,
        new_items=len(stored.new_items),
        new_versions=len(stored.new_versions),
        killed=len(stored.killed),
        published=published,
    )


def _attempt(action, item):
    try:
        return action(item=item)
    except Exception:  # one article's trouble leaves the item stored and the poll going
        logger.exception("%s failed for wire item %s", action.__name__, item.pk)
        return None


def _failed(source: Source, health: SourceHealth, error: str, now: datetime) -> PollReport:
    health.failures += 1
    health.last_error, health.last_error_at = error[:2000], now
    pause = min(source.interval_minutes * 2**health.failures, MAX_BACKOFF_MINUTES)
    health.next_poll_at = now + timedelta(minutes=pause)
    if health.failures >= FAILURES_FOR_ALARM and not health.alarm:
        _raise_alarm(source, health, f"failing: {error}"[:300], now)
    health.save()
    logger.warning("Wire source %s (%s): %s", source.pk, source.name, error)
    return PollReport(source_id=source.pk, error=error)


def check_idle_alarms(*, now: datetime) -> int:
    """Raise the alarm of every source silent for longer than its idle alarm; how many."""
    raised = 0
    for health in SourceHealth.objects.filter(alarm="", source__enabled=True).select_related(
        "source"
    ):
        idle = health.source.idle_alarm_minutes
        since = health.last_new_item_at or health.last_success_at
        if idle and since and now - since > timedelta(minutes=idle):
            _raise_alarm(health.source, health, f"silent for over {idle} minutes", now)
            health.save()
            raised += 1
    return raised


def _raise_alarm(source: Source, health: SourceHealth, reason: str, now: datetime) -> None:
    health.alarm, health.alarm_sent_at = reason, now
    mail.send(
        subject=f"Wire source {source.name} is {reason.split(':', 1)[0]}",
        body=(
            f"The wire source “{source.name}” ({source.url}) is {reason}.\n\n"
            f"Last success: {health.last_success_at or 'never'}\n"
            f"Last error: {health.last_error or 'none'}\n\n"
            f"{mail.admin_url('wire_desk:index')}\n"
        ),
        to=mail.desk_emails(),
    )


def _due(source: Source, now: datetime) -> bool:
    health = getattr(source, "health", None)
    return health is None or health.next_poll_at is None or health.next_poll_at <= now


def _format(source: Source) -> str:
    return Format.AUTO if source.format == Format.FOLDER else source.format
