"""Access and erasure requests: everything stored about a commenter, by email address."""

from django.db import transaction
from django.utils import timezone

from broadsheet.comments.actions._state import announce, log
from broadsheet.comments.models import Ban, Comment, CommentState, CommentVerdict, Report
from broadsheet.comments.signals import moderation_changed


def export_commenter(*, email: str) -> dict:
    """Everything Broadsheet keeps about the person writing as ``email``, JSON-ready."""
    comments = Comment.objects.by_commenter(email=email).select_related("article")
    return {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "comments": [_comment_record(c) for c in comments.order_by("created_at", "pk")],
        "bans": [
            {
                "kind": ban.kind,
                "value": ban.value,
                "reason": ban.reason,
                "created_at": ban.created_at.isoformat(),
                "expires_at": ban.expires_at.isoformat() if ban.expires_at else None,
            }
            for ban in Ban.objects.filter(value__iexact=email)
        ],
        "notes": "IP addresses are never stored; comments carry only a keyed hash of them.",
    }


def _comment_record(comment: Comment) -> dict:
    return {
        "id": comment.pk,
        "article": comment.article.title,
        "article_url": comment.article.url,
        "created_at": comment.created_at.isoformat(),
        "state": comment.state,
        "name": comment.name,
        "email": comment.email,
        "text": comment.text,
        "original_text": comment.original_text,
        "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
        "notify_replies": comment.notify_replies,
        "in_reply_to": comment.parent_id,
        "ip_hash": comment.ip_hash,
        "likes": comment.like_count,
    }


@transaction.atomic
def erase_commenter(*, email: str, actor=None) -> int:
    """Remove the text, name, email and hashes of everything ``email`` wrote. Returns the count.

    The only action that removes text. Rows stay (as "comment removed") so threads keep their
    shape; replies by others are untouched.
    """
    comments = list(Comment.objects.by_commenter(email=email).select_related("article"))
    now = timezone.now()
    for comment in comments:
        was_visible = comment.is_visible
        comment.text = comment.original_text = comment.email = ""
        comment.name, comment.ip_hash, comment.guest_key_hash = "", "", ""
        comment.fingerprint, comment.notify_replies = "", False
        comment.state, comment.erased_at, comment.state_changed_at = CommentState.REMOVED, now, now
        comment.save()
        CommentVerdict.objects.filter(comment=comment).update(reason="")
        log(action="erased", actor=actor, comment=comment, to_state=CommentState.REMOVED)
        if was_visible:
            announce(comment)
    Report.objects.filter(comment__in=comments).update(note="")
    if Ban.objects.filter(value__iexact=email).update(value="erased", reason=""):
        moderation_changed()
    return len(comments)
