"""Sending deliveries, one attempt at a time, and what each outcome changes.

An attempt first claims its delivery: one UPDATE that moves the next attempt time past the
longest an attempt can take, and only while it is due. So the queued task and the worker's
minute job never send the same attempt twice, and a worker that dies mid-attempt leaves a
delivery that falls due again by itself. The schedule is :mod:`broadsheet.webhooks.policy`.
"""

import logging
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from broadsheet.webhooks import mail, policy, sending
from broadsheet.webhooks.models import Attempt, Delivery, DeliveryState, Event, Subscription

logger = logging.getLogger(__name__)

#: Seconds one run of the worker's minute job spends sending at most.
BUDGET_SECONDS = 40.0
BATCH = 500
LEASE_MARGIN = timedelta(seconds=30)


def timeout() -> float:
    """Seconds to connect, and again to wait for the answer (``BROADSHEET_WEBHOOK_TIMEOUT``)."""
    return float(settings.BROADSHEET_WEBHOOK_TIMEOUT)


def attempt(*, delivery_id: str, now: datetime | None = None) -> Attempt | None:
    """Send the delivery once if it is due (and nobody else is sending it); its log row."""
    now = now or timezone.now()
    if not _claim(delivery_id, now):
        return None
    delivery = Delivery.objects.select_related("event", "subscription").get(pk=delivery_id)
    subscription = delivery.subscription
    outcome = sending.post(
        url=subscription.url,
        body=delivery.event.body,
        secret=subscription.secret,
        event=delivery.event.name,
        delivery_id=str(delivery.pk),
        timeout=timeout(),
    )
    return _record(delivery, outcome, started=now)


def deliver_due(*, now: datetime | None = None, budget: float = BUDGET_SECONDS) -> list[Attempt]:
    """The worker's minute job: send every delivery whose next attempt is due.

    Oldest first, for ``budget`` seconds at most, so scheduled publishing is not kept
    waiting. A receiver that fails once in a run is not tried again in that run: one dead
    receiver costs a timeout a minute, not one per waiting delivery, and the others go on.
    """
    started = time.monotonic()
    forget_old_events(now=now or timezone.now())
    due = Delivery.objects.due(now or timezone.now()).values_list("pk", "subscription_id")
    failing: set[int] = set()
    made = []
    for delivery_id, subscription_id in list(due[:BATCH]):
        if subscription_id in failing:
            continue
        done = attempt(delivery_id=delivery_id, now=now)
        if done is not None:
            made.append(done)
            if not done.succeeded:
                failing.add(subscription_id)
        if time.monotonic() - started >= budget:
            break
    return made


def forget_old_events(*, now: datetime) -> int:
    """Drop events older than :data:`~broadsheet.webhooks.policy.KEEP_FOR` with nothing left
    to send, their deliveries and attempts with them: the log stays a month long."""
    old = Event.objects.filter(occurred_at__lt=now - policy.KEEP_FOR)
    waiting = Delivery.objects.filter(state=DeliveryState.PENDING).values("event_id")
    deleted, _ = old.exclude(pk__in=waiting).delete()
    return deleted


def _claim(delivery_id: str, now: datetime) -> bool:
    lease = now + timedelta(seconds=2 * timeout()) + LEASE_MARGIN
    claimed = Delivery.objects.filter(
        pk=delivery_id,
        state=DeliveryState.PENDING,
        next_attempt_at__lte=now,
        subscription__active=True,
    ).update(next_attempt_at=lease)
    return claimed == 1


def _record(delivery: Delivery, outcome: sending.Outcome, *, started: datetime) -> Attempt:
    finished = started + timedelta(milliseconds=outcome.duration_ms)
    first = delivery.first_attempt_at or started
    attempts = delivery.attempts + 1
    ok = policy.succeeded(outcome.status_code)
    next_at = None
    if not ok:
        next_at = policy.next_attempt_at(
            first_attempt_at=first, failures=attempts, failed_at=finished
        )
    state = DeliveryState.DELIVERED if ok else DeliveryState.PENDING
    if not ok and next_at is None:
        state = DeliveryState.FAILED
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            state=state, attempts=attempts, first_attempt_at=first, next_attempt_at=next_at
        )
        logged = Attempt.objects.create(
            delivery=delivery,
            at=started,
            status_code=outcome.status_code,
            error=outcome.error,
            duration_ms=outcome.duration_ms,
            next_retry_at=next_at,
        )
        subscriptions = Subscription.objects.filter(pk=delivery.subscription_id)
        if ok:
            subscriptions.update(failing_since=None, last_success_at=finished)
        else:
            subscriptions.filter(failing_since__isnull=True).update(failing_since=started)
        if state == DeliveryState.FAILED:
            _disable_if_failing(delivery.subscription_id, given_up_since=first, now=finished)
    if state == DeliveryState.FAILED:
        logger.warning("webhook delivery %s given up after %d attempts", delivery.pk, attempts)
    return logged


def _disable_if_failing(subscription_id: int, *, given_up_since: datetime, now: datetime) -> None:
    subscription = Subscription.objects.get(pk=subscription_id)
    if subscription.active and policy.should_disable(
        failing_since=subscription.failing_since, given_up_since=given_up_since
    ):
        disable(subscription=subscription, now=now)


def disable(*, subscription: Subscription, now: datetime) -> bool:
    """Stop sending to a receiver that keeps failing, and tell the site's administrators.

    Deliveries still waiting stay in the log as they are; reactivating the subscription in
    the admin sends them.
    """
    since = subscription.failing_since
    reason = "Every attempt failed since " + (f"{since:%Y-%m-%d %H:%M} UTC" if since else "?")
    changed = Subscription.objects.filter(pk=subscription.pk, active=True).update(
        active=False, disabled_at=now, disabled_reason=reason
    )
    if changed:
        logger.warning("webhook subscription %s disabled: %s", subscription.pk, reason)
        transaction.on_commit(
            lambda: mail.subscription_disabled(subscription_id=subscription.pk), robust=True
        )
    return bool(changed)
