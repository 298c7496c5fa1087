"""Background work for comments, through Django's tasks framework (``TASKS`` setting)."""

import logging

from django.core.mail import EmailMessage
from django.db.models import Count
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from broadsheet.comments import learning, mail
from broadsheet.comments.models import Comment, CommentState, ModerationAction

logger = logging.getLogger("broadsheet.comments")


@task()
def send_reply_notification(comment_id: int) -> bool:
    """Tell the author of the comment answered by ``comment_id`` that a reply is up."""
    reply = Comment.objects.select_related("article", "parent", "replied_to").get(pk=comment_id)
    target = mail.reply_recipient(reply)
    if target is None or not reply.is_visible:
        return False
    unsubscribe = mail.unsubscribe_url(target.email)
    context = {
        "reply": reply,
        "target": target,
        "article": reply.article,
        "reply_url": mail.mail_url(reply.get_absolute_url()),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMessage(
        subject=f"{reply.name} replied to your comment on “{reply.article.title}”",
        body=render_to_string("comments/email/reply_notification.txt", context),
        to=[target.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    try:
        message.message()
    except ValueError as error:  # Django's BadHeaderError: a header would hold a line break
        _unbuildable(reply, target, error)
        return False
    message.send()
    return True


def _unbuildable(reply: Comment, target: Comment, error: ValueError) -> None:
    """Say, in the log and in the reply's moderation history, that a notification was lost.

    Building fails the same way every time, so there is nothing to retry; stored names from
    before names were checked (``actions.names``) are the known cause.
    """
    logger.error(
        "Reply notification for comment %s (answering comment %s, article %s) "
        "could not be built and was not sent: %s",
        reply.pk,
        target.pk,
        reply.article_id,
        error,
    )
    ModerationAction.objects.create(
        action="notification-failed",
        comment=reply,
        article_id=reply.article_id,
        reason=f"Reply notification to the author of comment {target.pk} not sent: {error}"[:500],
    )


@task()
def send_moderator_digest() -> int:
    """Email moderators how many comments wait, per article. Returns the number waiting."""
    pending = Comment.objects.filter(state=CommentState.PENDING)
    total = pending.count()
    recipients = mail.moderator_emails()
    if not total or not recipients:
        return total
    per_article = (
        pending.values("article__title").annotate(n=Count("pk")).order_by("-n", "article__title")
    )[:20]
    context = {
        "total": total,
        "per_article": per_article,
        "queue_url": mail.mail_url(reverse("comments_admin:queue", args=["pending"])),
    }
    EmailMessage(
        subject=f"{total} reader comments are waiting for moderation",
        body=render_to_string("comments/email/moderator_digest.txt", context),
        to=recipients,
    ).send()
    return total


@task()
def retrain_spam_filter() -> dict:
    """Train the site's spam filter afresh from moderators' decisions (``learning.retrain``)."""
    trained = learning.retrain()
    if trained is None:
        return {"trained": False}
    spam, ham = trained.decisions
    return {"trained": True, "spam": spam, "ham": ham}
