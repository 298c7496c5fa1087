"""Domain operations on comments, one verb each, keyword-only arguments.

Views, the admin, management commands and the demo all go through these. Every state change
writes a :class:`~broadsheet.comments.models.ModerationAction`; no moderation action deletes a
row, and only :func:`erase_commenter` removes text.
"""

from broadsheet.comments.actions.moderate import (
    approve_comment,
    ban_commenter,
    close_comments,
    feature_comment,
    lift_ban,
    mark_not_spam,
    mark_spam,
    reject_comment,
    retrain_spam_filter,
)
from broadsheet.comments.actions.privacy import erase_commenter, export_commenter
from broadsheet.comments.actions.reader import like_comment, report_comment
from broadsheet.comments.actions.submit import (
    EDIT_WINDOW,
    can_still_edit,
    delete_comment,
    edit_comment,
    submit_comment,
)

__all__ = [
    "EDIT_WINDOW",
    "approve_comment",
    "ban_commenter",
    "can_still_edit",
    "close_comments",
    "delete_comment",
    "edit_comment",
    "erase_commenter",
    "export_commenter",
    "feature_comment",
    "lift_ban",
    "like_comment",
    "mark_not_spam",
    "mark_spam",
    "reject_comment",
    "report_comment",
    "retrain_spam_filter",
    "submit_comment",
]
