"""What readers do to others' comments: like and report."""

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from broadsheet.comments.actions._state import log
from broadsheet.comments.models import Comment, Reaction, Report


def like_comment(
    *, comment: Comment, user=None, guest_key_hash: str = "", ip_hash: str = ""
) -> bool:
    """Like a visible comment once per account, or per guest cookie and hashed IP.

    Returns whether a new like was counted.
    """
    if not comment.is_visible:
        return False
    if user is not None and user.is_authenticated:
        identity = {"user": user}
        earlier = Reaction.objects.filter(comment=comment, user=user)
    else:
        if not guest_key_hash:
            return False
        identity = {"guest_key_hash": guest_key_hash, "ip_hash": ip_hash}
        same_guest = Q(guest_key_hash=guest_key_hash) | (Q(ip_hash=ip_hash) & ~Q(ip_hash=""))
        earlier = Reaction.objects.filter(same_guest, comment=comment, user__isnull=True)
    if earlier.exists():
        return False
    try:
        with transaction.atomic():
            Reaction.objects.create(comment=comment, **identity)
    except IntegrityError:
        return False
    Comment.objects.filter(pk=comment.pk).update(like_count=F("like_count") + 1)
    comment.refresh_from_db(fields=["like_count"])
    return True


def report_comment(
    *,
    comment: Comment,
    reason: str,
    note: str = "",
    user=None,
    guest_key_hash: str = "",
    ip_hash: str = "",
) -> Report | None:
    """Flag a comment for moderators; one open report per reader and comment."""
    if reason not in Report.Reason.values:
        raise ValueError(f"Unknown report reason {reason!r}")
    reporter = Q(pk__in=[])
    if user is not None and user.is_authenticated:
        reporter |= Q(user=user)
    else:
        user = None
        if guest_key_hash:
            reporter |= Q(guest_key_hash=guest_key_hash)
    if Report.objects.filter(reporter, comment=comment, resolved_at__isnull=True).exists():
        return None
    report = Report.objects.create(
        comment=comment,
        reason=reason,
        note=note.strip()[:500],
        user=user,
        guest_key_hash=guest_key_hash,
        ip_hash=ip_hash,
    )
    log(action="reported", actor=user, comment=comment, reason=report.get_reason_display())
    return report
