"""The email the site's administrators get when a subscription is disabled."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse

from broadsheet.webhooks.models import Subscription

logger = logging.getLogger(__name__)


def administrators() -> list[str]:
    """Active superusers with an address: those who may mend or remove a subscription."""
    users = get_user_model().objects.filter(is_superuser=True, is_active=True).exclude(email="")
    return sorted({user.email for user in users})


def subscription_disabled(*, subscription_id: int) -> int:
    subscription = Subscription.objects.get(pk=subscription_id)
    to = administrators()
    if not to:
        logger.warning("Nobody to tell that webhook subscription %s was disabled", subscription)
        return 0
    log = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "webhooks:log", args=[subscription.pk]
    )
    body = (
        f"Webhooks to “{subscription.name}” ({subscription.url}) have stopped: "
        f"{subscription.disabled_reason}.\n\n"
        "Nothing more is sent to it. Events that were waiting are kept. Once the receiver "
        "answers again, mark the subscription active in the admin and they are sent.\n\n"
        f"Delivery log: {log}\n"
    )
    subject = f"Webhook subscription disabled: {subscription.name}"
    return EmailMessage(subject=subject, body=body, to=to).send()
