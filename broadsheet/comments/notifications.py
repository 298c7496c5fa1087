"""Emails: reply notifications to commenters who asked for them, digests to moderators.

Sending happens in tasks (:mod:`broadsheet.comments.tasks`), inline or on the worker depending on
the ``TASKS`` backend; this module decides when to queue them.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from broadsheet.comments.models import Comment, CommentState

UNSUBSCRIBE_SALT = "broadsheet.comments.unsubscribe"
DIGEST_INTERVAL = timedelta(hours=6)


def unsubscribe_token(email: str) -> str:
    return signing.dumps({"e": email.lower()}, salt=UNSUBSCRIBE_SALT, compress=True)


def email_from_unsubscribe_token(token: str) -> str | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return data.get("e") if isinstance(data, dict) else None


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(email: str) -> str:
    return absolute_url(reverse("comments:unsubscribe", args=[unsubscribe_token(email)]))


def reply_recipient(comment: Comment) -> Comment | None:
    """The comment whose author should hear about ``comment``, if any."""
    target = comment.replied_to or comment.parent
    if target is None or not target.notify_replies or not target.email:
        return None
    if target.state != CommentState.APPROVED or target.email.lower() == comment.email.lower():
        return None
    return target


def comment_became_visible(comment: Comment) -> None:
    """Queue the reply notification the first time a reply becomes visible."""
    from broadsheet.comments.tasks import send_reply_notification  # noqa: PLC0415

    if comment.notified_at is not None or not comment.is_visible:
        return
    if reply_recipient(comment) is None:
        return
    Comment.objects.filter(pk=comment.pk).update(notified_at=timezone.now())
    send_reply_notification.enqueue(comment.pk)


DIGEST_SENT_KEY = "broadsheet:comments:digest-sent"


def pending_queue_grew(comment: Comment, *, threshold: int | None = None) -> None:
    """Queue a digest to moderators when the pending queue has passed the site's threshold.

    Runs after every held comment, so it is cheap: nothing more than a cache read while a
    digest went out recently, and a count that stops at the threshold otherwise.
    """
    from broadsheet.comments.models import CommentSettings  # noqa: PLC0415
    from broadsheet.comments.tasks import send_moderator_digest  # noqa: PLC0415

    if cache.get(DIGEST_SENT_KEY):
        return
    if threshold is None:
        site = comment.article.get_site()
        threshold = CommentSettings.for_site(site).digest_threshold if site else 20
    held = Comment.objects.filter(state=CommentState.PENDING).order_by()
    if held[:threshold].count() < threshold:
        return
    # At most one digest every few hours, across all app servers (the cache is shared).
    if cache.add(DIGEST_SENT_KEY, 1, timeout=int(DIGEST_INTERVAL.total_seconds())):
        send_moderator_digest.enqueue()


def moderator_emails() -> list[str]:
    """Active accounts allowed to moderate comments (directly, by group, or superusers)."""
    perm = Q(user_permissions__codename="moderate_comment") | Q(
        groups__permissions__codename="moderate_comment"
    )
    users = get_user_model().objects.filter(perm | Q(is_superuser=True), is_active=True)
    return sorted({u.email for u in users.exclude(email="")})
