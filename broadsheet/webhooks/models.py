"""Webhook subscriptions, the events they are sent, each delivery and every attempt at it.

An event is stored once with the exact body receivers get, so every retry sends the same
bytes and every subscription the same payload. A delivery is one event to one subscription;
its next attempt time lives in the database, so a retry survives a worker restart (the
worker's minute job sends what is due). Each attempt is a row: the delivery log.
"""

import secrets
import uuid

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from broadsheet.webhooks import policy
from broadsheet.webhooks.events import EVENTS

SECRET_PREFIX = "whsec_"  # noqa: S105 - a label, not a secret

receiver_url = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address starting with http:// or https://."),
)


def new_secret() -> str:
    """A signing secret: long and random, shared with the receiver to check signatures."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


class Subscription(models.Model):
    """A receiver's address and the events it wants, signed with its own secret."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Who receives, for what."))
    # A CharField: a URLField would add its own validator, whose "Enter a valid URL" for
    # ftp:// or javascript: says less than this one.
    url = models.CharField(
        _("receiver URL"),
        max_length=500,
        validators=[receiver_url],
        help_text=_("Events are sent here as HTTP POST requests with a JSON body."),
    )
    secret = models.CharField(max_length=80, default=new_secret, editable=False)
    events = models.JSONField(_("events"), default=list)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive subscriptions receive nothing.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    #: When the latest run of failed attempts began; cleared by any success.
    failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(max_length=300, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook subscription")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def event_labels(self) -> list[str]:
        return [EVENTS[name].label for name in self.events if name in EVENTS]


class Event(models.Model):
    """Something that happened, with the body every subscription to it is sent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=40)
    occurred_at = models.DateTimeField()
    body = models.TextField()

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["occurred_at"], name="webhook_event_time_idx")]

    def __str__(self) -> str:
        return f"{self.name} {self.pk}"


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Given up")


class DeliveryQuerySet(models.QuerySet):
    def due(self, now) -> "DeliveryQuerySet":
        """Waiting, time for the next attempt, to a subscription still active."""
        return self.filter(
            state=DeliveryState.PENDING, next_attempt_at__lte=now, subscription__active=True
        ).order_by("next_attempt_at", "pk")


class Delivery(models.Model):
    """One event for one subscription, however many attempts it takes."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(max_length=10, choices=DeliveryState, default=DeliveryState.PENDING)
    created_at = models.DateTimeField()
    first_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name_plural = _("deliveries")
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="webhook_delivery_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.event.name} to {self.subscription}"


class Attempt(models.Model):
    """One POST to the receiver: when, what came back, how long it took, what follows."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    at = models.DateTimeField()
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(default=0)
    next_retry_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.status_code or self.error} at {self.at:%Y-%m-%d %H:%M:%S}"

    @property
    def succeeded(self) -> bool:
        return policy.succeeded(self.status_code)
