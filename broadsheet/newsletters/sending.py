"""Sending an edition through the ledger, so that a send killed at any point and started
again delivers to each remaining address exactly once.

Each :class:`~broadsheet.newsletters.models.Delivery` row moves ``queued`` → ``claimed``
(a batch taken in one transaction, ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL, so two
senders never take the same row) → ``sent``, written the moment the mail server accepted
that one message, before the next is offered. A sender renews the claim on its batch while it
works; one that dies leaves its rows claimed, and after :func:`lease_seconds` without renewal
another sender takes them again. Of those rows, all but one were never offered to the server.

The one window that cannot be closed: the server accepted a message (its "250" after the
data) and the process died before the ``sent`` update committed. That message goes again: a
duplicate, never a miss, and at most one per sender killed. The window is one UPDATE of one
row by primary key in autocommit, right after the server's reply; the repeat carries the same
Message-ID, by which many mailbox providers fold duplicates.
"""

import logging
import os
import smtplib
import socket
import time
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import mailers
from django.db import connection, transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from broadsheet.newsletters import actions, bounces, dkim, editions, mail
from broadsheet.newsletters.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Newsletter,
    Suppression,
)
from broadsheet.newsletters.signals import edition_sent

logger = logging.getLogger(__name__)

#: Temporary failures (4xx) tolerated per address before its row is marked failed.
MAX_ATTEMPTS = 3
#: Seconds one run of the worker's minute spends sending at most: scheduled publishing must
#: not wait behind a long send. An edition left sending goes on the next minute.
BUDGET_SECONDS = 40.0


def batch_size() -> int:
    return int(getattr(settings, "BROADSHEET_NEWSLETTER_BATCH", 100))


def rate() -> float:
    """Messages per second at most (0: as fast as the server takes them)."""
    return float(getattr(settings, "BROADSHEET_NEWSLETTER_RATE", 0))


def lease_seconds() -> float:
    return float(getattr(settings, "BROADSHEET_NEWSLETTER_LEASE_SECONDS", 120))


def sender_id() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim(edition: Edition, *, me: str, size: int) -> list[Delivery]:
    """Take up to ``size`` rows nobody is sending: queued ones, and ones whose sender has
    given no sign of life for a lease."""
    stale = timezone.now() - timedelta(seconds=lease_seconds())
    free = Q(status=DeliveryStatus.QUEUED) | Q(status=DeliveryStatus.CLAIMED, claimed_at__lt=stale)
    with transaction.atomic():
        rows = Delivery.objects.filter(free, edition=edition).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True)
        taken = list(rows.select_related("subscriber")[:size])
        if taken:
            Delivery.objects.filter(pk__in=[d.pk for d in taken]).update(
                status=DeliveryStatus.CLAIMED,
                claimed_by=me,
                claimed_at=timezone.now(),
                attempts=F("attempts") + 1,
            )
    return taken


def send_edition(edition: Edition, *, stop: Callable[[], bool] = lambda: False) -> dict:
    """Send every remaining delivery of ``edition``; returns the ledger's counts.

    Waits for rows another live sender holds, so when this returns the edition is done
    (or ``stop`` said to stop between batches).
    """
    editions.queue(edition)
    rendered = mail.render_edition(edition)
    me, pace = sender_id(), rate()
    while not stop():
        batch = claim(edition, me=me, size=batch_size())
        if not batch:
            if not _others_sending(edition):
                break
            time.sleep(min(1.0, lease_seconds() / 4))
            continue
        _send_batch(rendered, batch, me=me, pace=pace)
    return _finish(edition)


def _others_sending(edition: Edition) -> bool:
    return Delivery.objects.filter(edition=edition, status=DeliveryStatus.CLAIMED).exists()


def _send_batch(rendered: mail.Rendered, batch: list[Delivery], *, me: str, pace: float) -> None:
    """One SMTP connection for the batch; each message marked the moment it is accepted."""
    backend = mailers.default
    started, done = time.monotonic(), 0
    renewed = started
    try:
        with backend:
            for delivery in batch:
                _send_one(backend, rendered, delivery, me=me)
                done += 1
                if time.monotonic() - renewed > lease_seconds() / 4:
                    renewed = _renew(me)
                if pace:
                    ahead = done / pace - (time.monotonic() - started)
                    if ahead > 0:
                        time.sleep(ahead)
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        # The connection went: every row not marked sent goes back (the one in flight may
        # have been accepted: the same window as a crash).
        logger.warning("Mail server connection lost after %s messages: %s", done, error)
        Delivery.objects.filter(
            pk__in=[d.pk for d in batch], claimed_by=me, status=DeliveryStatus.CLAIMED
        ).update(status=DeliveryStatus.QUEUED, claimed_by="", claimed_at=None)
        time.sleep(1)


def _renew(me: str) -> float:
    """Tell other senders the rows this one claimed are still in hand."""
    Delivery.objects.filter(claimed_by=me, status=DeliveryStatus.CLAIMED).update(
        claimed_at=timezone.now()
    )
    return time.monotonic()


def _send_one(backend, rendered: mail.Rendered, delivery: Delivery, *, me: str) -> None:
    subscriber = delivery.subscriber
    message = dkim.signing(mail.message_for(rendered, delivery, subscriber))
    try:
        backend.send_messages([message])
    except smtplib.SMTPRecipientsRefused as refused:
        code, reply = next(iter(refused.recipients.values()))
        _failed(delivery, code, reply)
        return
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
        _failed(delivery, error.smtp_code, error.smtp_error)
        return
    Delivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), error=""
    )
    if subscriber.bounce_count:
        actions.record_success(subscriber_id=subscriber.pk)


def _failed(delivery: Delivery, code: int, reply: bytes | str) -> None:
    """5xx: the address is refused for good (suppressed); 4xx: tried again after a lease, up
    to :data:`MAX_ATTEMPTS` times, then failed and counted as a soft bounce."""
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    detail = f"{code} {text}"[:2000]
    # ``attempts`` was read before this claim counted one more.
    if 400 <= code < 500 and delivery.attempts + 1 < MAX_ATTEMPTS:
        # Held as claimed by nobody alive: taken again once a lease has passed, not at once.
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.CLAIMED,
            claimed_by="retry",
            claimed_at=timezone.now(),
            error=detail,
        )
        return
    Delivery.objects.filter(pk=delivery.pk).update(status=DeliveryStatus.FAILED, error=detail)
    if code >= 500:
        actions.suppress(subscriber=delivery.subscriber, reason=Suppression.REFUSED, detail=detail)
    else:
        actions.record_bounce(email=delivery.subscriber.email, kind="soft", detail=detail)


def _finish(edition: Edition) -> dict:
    counts = ledger_counts(edition)
    if counts["queued"] or counts["claimed"]:
        return counts
    finished = Edition.objects.filter(pk=edition.pk, status=EditionStatus.SENDING).update(
        status=EditionStatus.SENT, finished_at=timezone.now()
    )
    if finished:
        edition.refresh_from_db()
        edition_sent.send(sender=Edition, edition=edition)
        logger.info("Edition %s sent: %s", edition.pk, counts)
    return counts


def ledger_counts(edition: Edition) -> dict[str, int]:
    counts = dict.fromkeys(DeliveryStatus.values, 0)
    for status, number in _grouped(edition):
        counts[status] = number
    return counts


def _grouped(edition: Edition):
    return (
        Delivery.objects.filter(edition=edition)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )


def send_due(*, now=None, budget: float = BUDGET_SECONDS) -> list[Edition]:
    """What the worker does each minute: build automatic editions that are due, then send
    every edition whose time has come (scheduled, or left sending by a stopped sender), for
    ``budget`` seconds at most."""
    now = now or timezone.now()
    started = time.monotonic()

    def out_of_time() -> bool:
        return time.monotonic() - started > budget

    for newsletter, slot in editions.due_newsletters(now):
        editions.build_automatic(newsletter, now=now, slot=slot)
    due = Edition.objects.filter(
        Q(status=EditionStatus.SCHEDULED, scheduled_at__lte=now) | Q(status=EditionStatus.SENDING)
    ).select_related("newsletter")
    sent = []
    for edition in due.order_by("scheduled_at", "pk"):
        if out_of_time():
            break
        send_edition(edition, stop=out_of_time)
        sent.append(edition)
    return sent


def send_now(newsletter: Newsletter) -> tuple[Edition | None, dict]:
    """``broadsheet newsletter send SLUG``: finish an edition left sending, else build the
    next automatic edition and send it. ``(None, {})`` when nothing is new."""
    edition = (
        Edition.objects.filter(newsletter=newsletter, status=EditionStatus.SENDING)
        .order_by("pk")
        .first()
    )
    if edition is None:
        edition = editions.build_automatic(newsletter)
    if edition is None:
        return None, {}
    return edition, send_edition(edition)


def minute_job() -> None:
    """Registered with ``core.scheduling``: due editions, then the bounce mailbox."""
    send_due()
    bounces.read_mailbox_if_configured()
