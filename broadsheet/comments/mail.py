"""What the comment emails are built from: who gets them, signed unsubscribe links, URLs.

Both the tasks that send them (:mod:`broadsheet.comments.tasks`) and the unsubscribe view
read these.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Q
from django.urls import reverse

from broadsheet.comments.models import Comment, CommentState

UNSUBSCRIBE_SALT = "broadsheet.comments.unsubscribe"


def unsubscribe_token(email: str) -> str:
    return signing.dumps({"e": email.lower()}, salt=UNSUBSCRIBE_SALT, compress=True)


def email_from_unsubscribe_token(token: str) -> str | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return data.get("e") if isinstance(data, dict) else None


def mail_url(path: str) -> str:
    """``path`` on the address staff and readers reach the site at, for links in mail."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def unsubscribe_url(email: str) -> str:
    return mail_url(reverse("comments:unsubscribe", args=[unsubscribe_token(email)]))


def reply_recipient(comment: Comment) -> Comment | None:
    """The comment whose author should hear about ``comment``, if any."""
    target = comment.replied_to or comment.parent
    if target is None or not target.notify_replies or not target.email:
        return None
    if target.state != CommentState.APPROVED or target.email.lower() == comment.email.lower():
        return None
    return target


def moderator_emails() -> list[str]:
    """Active accounts allowed to moderate comments (directly, by group, or superusers)."""
    perm = Q(user_permissions__codename="moderate_comment") | Q(
        groups__permissions__codename="moderate_comment"
    )
    users = get_user_model().objects.filter(perm | Q(is_superuser=True), is_active=True)
    return sorted({u.email for u in users.exclude(email="")})
