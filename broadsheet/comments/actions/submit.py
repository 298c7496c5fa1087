"""A reader's own changes: posting, editing within the window, deleting."""

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from broadsheet.comments import notifications, pipeline
from broadsheet.comments.actions._state import DECISION_STATE, announce, change_state, log
from broadsheet.comments.actions.names import check_name
from broadsheet.comments.models import Comment, CommentState, CommentVerdict, Policy, policy_for
from broadsheet.comments.pipeline import Refused, Submission
from broadsheet.comments.text import fingerprint

EDIT_WINDOW = timedelta(minutes=10)


def submit_comment(
    *,
    article,
    text: str,
    name: str = "",
    email: str = "",
    user=None,
    parent: Comment | None = None,
    notify_replies: bool = False,
    ip_hash: str = "",
    guest_key_hash: str = "",
    honeypot: str = "",
    form_token: str | None = None,
    policy: Policy | None = None,
    now: datetime | None = None,
) -> Comment:
    """Run the pipeline over a new comment and store it with every verdict.

    Raises :class:`Refused` when comments are closed or a check refuses the submission (nothing
    is stored then), and ``ValidationError`` for text the form should not have let through or
    a name :func:`~broadsheet.comments.actions.names.check_name` refuses.
    """
    now = now or timezone.now()
    policy = policy or policy_for(article, now=now)
    if policy.is_closed:
        raise Refused("Comments are closed.", status=403, code="closed")
    if user is not None and user.is_authenticated:
        name = name or user.get_full_name() or user.get_username()
        email = email or user.email
    else:
        user = None
    text = text.strip()
    _validate_text(text=text, policy=policy)
    name = check_name(name=name, user=user)
    submission = Submission(
        article=article,
        text=text,
        name=name,
        email=email.strip(),
        policy=policy,
        now=now,
        user=user,
        parent=parent,
        ip_hash=ip_hash,
        guest_key_hash=guest_key_hash,
        honeypot=honeypot,
        form_token=form_token,
        fingerprint=fingerprint(text),
    )
    result = pipeline.run(submission)
    comment = _store(submission, result, notify_replies=notify_replies)
    _after_submit(comment, policy=policy)
    return comment


def _validate_text(*, text: str, policy: Policy) -> None:
    if not text:
        raise ValidationError({"text": "Please write a comment."})
    if len(text) > policy.max_length:
        raise ValidationError(
            {
                "text": f"Comments are limited to {policy.max_length} characters "
                f"(this has {len(text)})."
            }
        )


def _placement(parent: Comment | None, max_depth: int) -> tuple[Comment | None, int]:
    """Where a reply goes: under ``parent``, or beside it when that would be too deep."""
    if parent is None:
        return None, 0
    while parent.depth + 1 >= max_depth and parent.parent_id is not None:
        parent = parent.parent
    return parent, parent.depth + 1


@transaction.atomic
def _store(submission: Submission, result: pipeline.PipelineResult, *, notify_replies: bool):
    parent, depth = _placement(submission.parent, submission.policy.max_depth)
    state = DECISION_STATE[result.decision]
    comment = Comment.objects.create(
        article=submission.article,
        parent=parent,
        thread_id=(parent.root_id if parent else None),
        replied_to=submission.parent,
        depth=depth,
        state=state,
        name=submission.name,
        email=submission.email,
        user=submission.user,
        ip_hash=submission.ip_hash,
        guest_key_hash=submission.guest_key_hash,
        text=submission.text,
        fingerprint=submission.fingerprint,
        notify_replies=notify_replies,
        spam_score=result.score,
        created_at=submission.now,
        state_changed_at=submission.now,
    )
    CommentVerdict.objects.bulk_create(_verdict_rows(comment, result))
    log(action="submitted", actor=submission.user, comment=comment, to_state=state)
    if comment.is_visible:
        # In the same transaction: the generations it moves commit with the comment (one
        # commit, not two), and the purge it schedules waits for that commit.
        announce(comment)
    return comment


def _verdict_rows(comment: Comment, result: pipeline.PipelineResult) -> list[CommentVerdict]:
    rows, decided = [], False
    for position, (name, verdict) in enumerate(result.verdicts):
        decisive = not decided and verdict.decision != verdict.APPROVE
        decided = decided or decisive
        rows.append(
            CommentVerdict(
                comment=comment,
                position=position,
                check_name=name,
                verdict=verdict.decision,
                reason=verdict.reason[:300],
                score=verdict.score,
                decisive=decisive,
            )
        )
    return rows


def _after_submit(comment: Comment, *, policy: Policy) -> None:
    if comment.is_visible:
        notifications.comment_became_visible(comment)
    elif comment.state == CommentState.PENDING:
        notifications.pending_queue_grew(comment, threshold=policy.digest_threshold)


def can_still_edit(comment: Comment, *, now: datetime | None = None) -> bool:
    """Authors may edit for ten minutes after posting, while the comment is not removed."""
    now = now or timezone.now()
    return comment.state != CommentState.REMOVED and now - comment.created_at <= EDIT_WINDOW


def edit_comment(
    *,
    comment: Comment,
    text: str,
    actor=None,
    by_moderator: bool = False,
    reason: str = "",
    now: datetime | None = None,
) -> Comment:
    """Change a comment's text: its author within the window, or a moderator (original kept)."""
    now = now or timezone.now()
    text = text.strip()
    if not by_moderator and not can_still_edit(comment, now=now):
        raise Refused("The time for editing this comment has passed.", status=403, code="window")
    policy = policy_for(comment.article, now=now)
    _validate_text(text=text, policy=policy)
    if by_moderator and not comment.original_text:
        comment.original_text = comment.text
    comment.text, comment.edited_at, comment.fingerprint = text, now, fingerprint(text)
    comment.save(update_fields=["text", "original_text", "edited_at", "fingerprint"])
    log(
        action="moderator-edited" if by_moderator else "edited",
        actor=actor,
        comment=comment,
        reason=reason,
    )
    if not by_moderator:
        _recheck_edit(comment, policy=policy, now=now, actor=actor)
    if comment.is_visible:
        announce(comment)
    return comment


def _recheck_edit(comment: Comment, *, policy: Policy, now: datetime, actor) -> None:
    """Edited text goes through the checks that look at text; a decisive one takes it down."""
    checks = [check for check in pipeline.load_checks() if check.runs_on_edit]
    submission = Submission(
        article=comment.article,
        text=comment.text,
        name=comment.name,
        email=comment.email,
        policy=policy,
        now=now,
        user=comment.user,
    )
    result = pipeline.run(submission, checks)
    if result.decision != "approve" and comment.state == CommentState.APPROVED:
        reasons = "; ".join(v.reason for _, v in result.verdicts if v.decision != "approve")
        change_state(comment, DECISION_STATE[result.decision], action="edit-held", reason=reasons)


def delete_comment(*, comment: Comment, actor=None) -> Comment:
    """The author takes their comment down; shown as "comment removed" if it has replies."""
    if comment.state == CommentState.REMOVED:
        return comment
    return change_state(comment, CommentState.REMOVED, action="deleted", actor=actor)
