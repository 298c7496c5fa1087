"""When comment emails go out: reply notifications to commenters who asked for them, digests
to moderators.

Sending happens in tasks (:mod:`broadsheet.comments.tasks`), inline or on the worker depending on
the ``TASKS`` backend; this module decides when to queue them.
"""

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from broadsheet.comments.mail import reply_recipient
from broadsheet.comments.models import Comment, CommentSettings, CommentState
from broadsheet.comments.tasks import send_moderator_digest, send_reply_notification

DIGEST_INTERVAL = timedelta(hours=6)


def comment_became_visible(comment: Comment) -> None:
    """Queue the reply notification the first time a reply becomes visible."""
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
