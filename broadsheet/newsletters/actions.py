"""What readers, editors and the bounce handling do to subscribers: one verb per function.

Views, the admin, the commands and the bounce readers all come through here, so a change to
an address is made, and logged, in one way.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from broadsheet.newsletters import mail
from broadsheet.newsletters.models import (
    Delivery,
    DeliveryStatus,
    Newsletter,
    Subscriber,
    Subscription,
    Suppression,
)

logger = logging.getLogger(__name__)

#: Soft bounces in a row after which an address is suppressed.
SOFT_BOUNCE_LIMIT = 3


def normalise_email(email: str) -> str:
    """The address as stored: trimmed, lower case; :class:`ValidationError` when it is none."""
    email = (email or "").strip().lower()
    validate_email(email)
    return email


def _offered(newsletter_ids: list[int]) -> list[int]:
    ids = list(
        Newsletter.objects.offered().filter(pk__in=newsletter_ids).values_list("pk", flat=True)
    )
    if not ids:
        raise ValidationError({"newsletters": "Choose at least one newsletter."})
    return ids


def request_subscription(*, email: str, newsletter_ids: list[int], user=None) -> Subscriber:
    """Sign ``email`` up to the chosen newsletters once it confirms: double opt-in.

    Nothing is subscribed yet; the confirmation email carries a signed link naming the
    newsletters. Asking again sends another link, so a lost email is no dead end.
    """
    email = normalise_email(email)
    ids = _offered(newsletter_ids)
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    if user is not None and user.is_authenticated and subscriber.user_id is None:
        subscriber.user = user
        subscriber.save(update_fields=["user"])
    mail.send_confirmation(subscriber=subscriber, newsletter_ids=ids)
    logger.info("Confirmation sent to subscriber %s for %s", subscriber.pk, ids)
    return subscriber


@transaction.atomic
def confirm(*, subscriber: Subscriber, newsletter_ids: list[int]) -> list[Newsletter]:
    """The address answered its confirmation link: subscribe it to what it chose.

    Confirming proves the address reads its mail, so an earlier suppression (a bounce, an
    unsubscription from everything) is lifted; a pause stays as the reader set it.
    """
    now = timezone.now()
    subscriber.confirmed_at = subscriber.confirmed_at or now
    subscriber.suppressed_at, subscriber.suppressed_reason = None, Suppression.NONE
    subscriber.bounce_count = 0
    subscriber.save()
    chosen = list(Newsletter.objects.filter(pk__in=newsletter_ids, active=True))
    for newsletter in chosen:
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    return chosen


@transaction.atomic
def subscribe_account(*, user, newsletter: Newsletter) -> Subscriber:
    """One click from the account page: the account's address is already confirmed
    (allauth's mandatory verification), so no second email is needed."""
    email = normalise_email(user.email)
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    if subscriber.user_id is None:
        subscriber.user = user
    subscriber.confirmed_at = subscriber.confirmed_at or timezone.now()
    if subscriber.suppressed_reason == Suppression.UNSUBSCRIBED:
        subscriber.suppressed_at, subscriber.suppressed_reason = None, Suppression.NONE
    subscriber.save()
    Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    return subscriber


@transaction.atomic
def set_preferences(*, subscriber: Subscriber, newsletter_ids: list[int], paused: bool) -> None:
    """The preferences page: exactly these newsletters, paused or not."""
    keep = set(Newsletter.objects.filter(pk__in=newsletter_ids).values_list("pk", flat=True))
    subscriber.subscriptions.exclude(newsletter_id__in=keep).delete()
    for newsletter_id in keep:
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter_id=newsletter_id)
    subscriber.paused = paused
    subscriber.save(update_fields=["paused"])


@transaction.atomic
def unsubscribe(
    *, subscriber: Subscriber, newsletter_id: int | None = None, edition_id: int | None = None
) -> int:
    """Leave one newsletter, or every one (``newsletter_id`` None). Returns how many were left.

    ``edition_id`` is the edition whose link was used, counted on that edition.
    """
    subscriptions = subscriber.subscriptions.all()
    if newsletter_id is not None:
        subscriptions = subscriptions.filter(newsletter_id=newsletter_id)
    left, _ = subscriptions.delete()
    if newsletter_id is None and not subscriber.suppressed_at:
        subscriber.suppressed_at, subscriber.suppressed_reason = (
            timezone.now(),
            Suppression.UNSUBSCRIBED,
        )
        subscriber.save(update_fields=["suppressed_at", "suppressed_reason"])
    if edition_id is not None:
        Delivery.objects.filter(
            edition_id=edition_id, subscriber=subscriber, unsubscribed_at__isnull=True
        ).update(unsubscribed_at=timezone.now())
    logger.info("Subscriber %s left %s newsletters", subscriber.pk, left)
    return left


def suppress(*, subscriber: Subscriber, reason: str, detail: str = "") -> None:
    """Send this address nothing more until it confirms again."""
    Subscriber.objects.filter(pk=subscriber.pk).update(
        suppressed_at=timezone.now(), suppressed_reason=reason, last_bounce=detail[:2000]
    )
    logger.info("Subscriber %s suppressed: %s", subscriber.pk, reason)


def record_bounce(*, email: str, kind: str, detail: str = "", message_id: str = "") -> bool:
    """A bounce or complaint reported for ``email``: hard bounces and complaints suppress at
    once, soft ones after :data:`SOFT_BOUNCE_LIMIT` in a row. Returns whether the address is
    known. The delivery named by ``message_id`` (or else the address's latest) is marked."""
    subscriber = Subscriber.objects.filter(email=(email or "").strip().lower()).first()
    if subscriber is None:
        return False
    _mark_bounced(subscriber, message_id, detail)
    if kind == "soft":
        Subscriber.objects.filter(pk=subscriber.pk).update(
            bounce_count=F("bounce_count") + 1, last_bounce=detail[:2000]
        )
        subscriber.refresh_from_db(fields=["bounce_count"])
        if subscriber.bounce_count >= SOFT_BOUNCE_LIMIT:
            suppress(subscriber=subscriber, reason=Suppression.SOFT_BOUNCES, detail=detail)
        return True
    reason = Suppression.COMPLAINT if kind == "complaint" else Suppression.HARD_BOUNCE
    suppress(subscriber=subscriber, reason=reason, detail=detail)
    return True


def record_success(*, subscriber_id: int) -> None:
    """A message accepted: soft bounces counted so far were not "in a row" after all."""
    Subscriber.objects.filter(pk=subscriber_id, bounce_count__gt=0).update(bounce_count=0)


def _mark_bounced(subscriber: Subscriber, message_id: str, detail: str) -> None:
    deliveries = Delivery.objects.filter(subscriber=subscriber, status=DeliveryStatus.SENT)
    match = message_id.strip().strip("<>")
    if match.startswith("edition-") and ".sub-" in match:
        edition = match.removeprefix("edition-").split(".sub-")[0]
        if edition.isdigit():
            deliveries = deliveries.filter(edition_id=int(edition))
    latest = deliveries.order_by("-sent_at", "-pk").first()
    if latest is not None:
        latest.status, latest.error = DeliveryStatus.BOUNCED, detail[:2000]
        latest.save(update_fields=["status", "error"])


def export_subscriber(*, email: str) -> dict:
    """What is kept about ``email`` as a newsletter subscriber, JSON-ready (access request)."""
    subscriber = Subscriber.objects.filter(email=email.strip().lower()).first()
    if subscriber is None:
        return {"newsletter_subscriber": None}
    deliveries = subscriber.deliveries.select_related("edition").order_by("pk")
    return {
        "newsletter_subscriber": {
            "email": subscriber.email,
            "signed_up_at": subscriber.created_at.isoformat(),
            "confirmed_at": _iso(subscriber.confirmed_at),
            "paused": subscriber.paused,
            "suppressed_at": _iso(subscriber.suppressed_at),
            "suppressed_reason": subscriber.suppressed_reason,
            "bounce_count": subscriber.bounce_count,
            "newsletters": [
                s.newsletter.name for s in subscriber.subscriptions.select_related("newsletter")
            ],
            "deliveries": [
                {
                    "edition": d.edition.subject,
                    "status": d.status,
                    "sent_at": _iso(d.sent_at),
                    "opened_at": _iso(d.opened_at),
                    "clicks": d.clicks,
                }
                for d in deliveries
            ],
        }
    }


@transaction.atomic
def erase_subscriber(*, email: str) -> int:
    """Remove the address, its subscriptions and its ledger rows. Returns 1 if it existed.

    The editions' totals lose the row; that is the price of erasure, and the right one.
    """
    deleted = Subscriber.objects.filter(email=email.strip().lower()).delete()[1]
    return int(bool(deleted.get("newsletters.Subscriber")))


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
