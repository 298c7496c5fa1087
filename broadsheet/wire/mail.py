"""The desk's emails: who gets them and what they say."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.urls import reverse

logger = logging.getLogger(__name__)

PERMISSION = "wire.change_item"


def desk_emails() -> list[str]:
    """Active accounts that work the desk (may change wire items), and superusers."""
    perm = Q(
        user_permissions__codename="change_item", user_permissions__content_type__app_label="wire"
    )
    perm |= Q(
        groups__permissions__codename="change_item",
        groups__permissions__content_type__app_label="wire",
    )
    users = get_user_model().objects.filter(perm | Q(is_superuser=True), is_active=True)
    return sorted({u.email for u in users.exclude(email="")})


def admin_url(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(name, args=args)


def send(*, subject: str, body: str, to: list[str]) -> int:
    recipients = sorted(set(filter(None, to)))
    if not recipients:
        logger.warning("Nobody to tell: %s", subject)
        return 0
    return EmailMessage(subject=subject, body=body, to=recipients).send()
