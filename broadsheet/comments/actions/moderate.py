"""Moderators' decisions. States change and can be changed back; nothing is deleted."""

from datetime import datetime

from django.utils import timezone

from broadsheet.comments import learning, notifications, tasks
from broadsheet.comments.actions._state import announce, change_state, log
from broadsheet.comments.models import (
    Ban,
    Comment,
    CommentPolicyOverride,
    CommentState,
    Mode,
)


def approve_comment(*, comment: Comment, actor, reason: str = "") -> Comment:
    """Publish a comment; it also teaches the learned filter what not-spam looks like."""
    change_state(comment, CommentState.APPROVED, action="approved", actor=actor, reason=reason)
    _teach(comment, is_spam=False)
    notifications.comment_became_visible(comment)
    return comment


def reject_comment(*, comment: Comment, actor, reason: str = "") -> Comment:
    return change_state(
        comment, CommentState.REJECTED, action="rejected", actor=actor, reason=reason
    )


def mark_spam(*, comment: Comment, actor, reason: str = "") -> Comment:
    """Hide a comment as spam and teach the learned filter from it."""
    change_state(comment, CommentState.SPAM, action="marked-spam", actor=actor, reason=reason)
    _teach(comment, is_spam=True)
    return comment


def mark_not_spam(*, comment: Comment, actor, reason: str = "") -> Comment:
    """Undo a spam verdict: the comment is published and the filter learns it was wrong."""
    change_state(
        comment, CommentState.APPROVED, action="marked-not-spam", actor=actor, reason=reason
    )
    _teach(comment, is_spam=False)
    notifications.comment_became_visible(comment)
    return comment


def _teach(comment: Comment, *, is_spam: bool) -> None:
    """Record the decision for the spam filter; queue its retraining when enough arrived."""
    if learning.teach(comment, is_spam=is_spam):
        tasks.retrain_spam_filter.enqueue()


def retrain_spam_filter(*, actor) -> None:
    """Queue a retraining of the spam filter from every decision now (a moderator asked)."""
    tasks.retrain_spam_filter.enqueue()
    log(action="retrain-spam-filter", actor=actor)


def feature_comment(*, comment: Comment, actor, featured: bool = True) -> Comment:
    """Featured comments are shown first in their article's list and marked."""
    comment.featured = featured
    comment.save(update_fields=["featured"])
    log(action="featured" if featured else "unfeatured", actor=actor, comment=comment)
    if comment.is_visible:
        announce(comment)
    return comment


def ban_commenter(
    *,
    actor,
    email: str = "",
    domain: str = "",
    ip_hash: str = "",
    user=None,
    until: datetime | None = None,
    reason: str = "",
    comment: Comment | None = None,
) -> list[Ban]:
    """Ban (``until`` empty: until lifted) or suspend (``until`` set) by any of the identities."""
    targets = [
        (Ban.Kind.EMAIL, email, None),
        (Ban.Kind.DOMAIN, domain, None),
        (Ban.Kind.IP_HASH, ip_hash, None),
        (Ban.Kind.USER, "", user),
    ]
    bans = [
        Ban.objects.create(
            kind=kind, value=value, user=who, reason=reason, created_by=actor, expires_at=until
        )
        for kind, value, who in targets
        if value or who is not None
    ]
    for ban in bans:
        suffix = f" until {until:%Y-%m-%d %H:%M}" if until else ""
        log(action="banned", actor=actor, comment=comment, reason=f"{ban}{suffix}: {reason}")
    return bans


def lift_ban(*, ban: Ban, actor, reason: str = "") -> Ban:
    ban.lifted_at = timezone.now()
    ban.save(update_fields=["lifted_at"])
    log(action="ban-lifted", actor=actor, reason=f"{ban}: {reason}")
    return ban


def close_comments(*, article, actor, closed: bool = True, reason: str = "") -> None:
    """Close an article's comments (existing ones stay visible), or reopen them."""
    override, _ = CommentPolicyOverride.objects.get_or_create(page_id=article.pk)
    override.mode = Mode.CLOSED if closed else ""
    if not closed:
        override.auto_close_days = 0  # reopening an old article means "keep it open"
    override.save()
    # Saving the override announces it (comment_policy_changed): the form appears or disappears.
    log(action="closed" if closed else "reopened", actor=actor, article=article, reason=reason)
