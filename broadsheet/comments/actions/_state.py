"""Shared by the actions: state changes that log themselves and announce visibility changes."""

from django.utils import timezone

from broadsheet.comments.models import Comment, CommentState, ModerationAction, Report
from broadsheet.comments.signals import comment_visibility_changed

DECISION_STATE = {
    "approve": CommentState.APPROVED,
    "hold": CommentState.PENDING,
    "spam": CommentState.SPAM,
    "reject": CommentState.REJECTED,
}


def log(
    *,
    action: str,
    actor=None,
    comment: Comment | None = None,
    article=None,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
) -> ModerationAction:
    if actor is not None and not actor.is_authenticated:
        actor = None
    return ModerationAction.objects.create(
        action=action,
        actor=actor,
        comment=comment,
        article_id=article.pk if article is not None else getattr(comment, "article_id", None),
        from_state=from_state,
        to_state=to_state,
        reason=reason[:500],
    )


def announce(comment: Comment) -> None:
    """Tell listeners (the HTTP cache purger) that what readers see of this comment changed."""
    comment_visibility_changed.send(sender=Comment, comment=comment, article=comment.article)


def change_state(
    comment: Comment, to_state: str, *, action: str, actor=None, reason: str = ""
) -> Comment:
    """Move ``comment`` to ``to_state``, write the log line, resolve reports, announce."""
    from_state = comment.state
    was_visible = comment.is_visible
    comment.state = to_state
    comment.state_changed_at = timezone.now()
    comment.save(update_fields=["state", "state_changed_at"])
    log(
        action=action,
        actor=actor,
        comment=comment,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
    )
    if actor is not None and action not in ("deleted", "submitted"):
        Report.objects.filter(comment=comment, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
    if was_visible != comment.is_visible:
        announce(comment)
    return comment
