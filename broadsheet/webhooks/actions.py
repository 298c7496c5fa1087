"""Changes to webhooks, one verb each: record an event, give a subscription a new secret,
take a disabled one back into service."""

import logging
import uuid
from datetime import datetime
from typing import Any

from django.db import transaction
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone

from broadsheet.caching import fragments
from broadsheet.webhooks import events, tasks
from broadsheet.webhooks.models import Delivery, DeliveryState, Event, Subscription, new_secret

logger = logging.getLogger(__name__)

#: The generation of :func:`wanted_events`, moved whenever a subscription is saved or deleted.
SUBSCRIPTIONS = "webhook-subscriptions"


def record_event(*, name: str, obj: Any, occurred_at: datetime | None = None) -> Event | None:
    """Store the event and one delivery per active subscription that wants it; queue them.

    Nothing is built when nobody subscribes: no query when no active subscription wants
    ``name`` (:func:`wanted_events`), one otherwise. The payload is built once, now, so
    every subscription and every retry gets the same bytes.
    """
    if name not in wanted_events():
        return None
    subscriptions = [s for s in Subscription.objects.filter(active=True) if name in s.events]
    if not subscriptions:
        return None
    data = events.EVENTS[name].build(events.site_request(), obj)
    if data is None:
        return None
    now = timezone.now()
    event_id = uuid.uuid4()
    occurred_at = occurred_at or now
    body = events.payload(event_id=event_id, name=name, occurred_at=occurred_at, data=data)
    with transaction.atomic():
        event = Event.objects.create(id=event_id, name=name, occurred_at=occurred_at, body=body)
        deliveries = Delivery.objects.bulk_create(
            Delivery(subscription=s, event=event, created_at=now, next_attempt_at=now)
            for s in subscriptions
        )
        transaction.on_commit(lambda: queue(deliveries), robust=True)
    logger.info("webhook event %s %s for %d subscription(s)", name, event_id, len(deliveries))
    return event


def wanted_events() -> frozenset[str]:
    """Every event some active subscription wants, as this process remembers it until a
    subscription is saved or deleted (:data:`SUBSCRIPTIONS`, ``receivers.subscription_changed``).

    Only ever more than the truth: a subscription switched off without a save (``disable``'s
    update) leaves its events here, which costs :func:`record_event` one query, never an event.
    """
    return fragments.remember(
        "webhook-events",
        [],
        lambda: frozenset(
            event
            for events in Subscription.objects.filter(active=True).values_list("events", flat=True)
            for event in events
        ),
        depends_on=[SUBSCRIPTIONS],
    )


def queue(deliveries: list[Delivery]) -> int:
    """Queue the first attempt of each delivery, when the queue runs on the worker.

    Under the immediate backend (the demo) a task would run here, inside the editor's
    request, waiting on the receiver; the deliveries wait for the minute job instead.
    """
    if isinstance(tasks.deliver.get_backend(), ImmediateBackend):
        return 0
    for delivery in deliveries:
        tasks.deliver.enqueue(str(delivery.pk))
    return len(deliveries)


def rotate_secret(*, subscription: Subscription) -> str:
    """Give the subscription a new signing secret (the old one stops working at once)."""
    subscription.secret = new_secret()
    subscription.save(update_fields=["secret"])
    logger.info("webhook subscription %s has a new secret", subscription.pk)
    return subscription.secret


def reactivate(*, subscription: Subscription) -> Subscription:
    """Back in service after being disabled: what waited is sent by the next minute job,
    and the receiver gets a fresh 24 hours before it can be disabled again."""
    subscription.active = True
    subscription.failing_since = None
    subscription.disabled_at = None
    subscription.disabled_reason = ""
    subscription.save(update_fields=["active", "failing_since", "disabled_at", "disabled_reason"])
    Delivery.objects.filter(subscription=subscription, state=DeliveryState.PENDING).update(
        next_attempt_at=timezone.now()
    )
    return subscription
