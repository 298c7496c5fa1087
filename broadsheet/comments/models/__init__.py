from broadsheet.comments.models.comment import (
    Comment,
    CommentQuerySet,
    CommentState,
    CommentVerdict,
    Reaction,
    Report,
    commenter_q,
    commenter_sql,
)
from broadsheet.comments.models.moderation import (
    Ban,
    BannedWord,
    ModerationAction,
    SpamFilterState,
)
from broadsheet.comments.models.policy import (
    CommentPolicyOverride,
    CommentSettings,
    Mode,
    Policy,
    policy_for,
)

__all__ = [
    "Ban",
    "BannedWord",
    "Comment",
    "CommentPolicyOverride",
    "CommentQuerySet",
    "CommentSettings",
    "CommentState",
    "CommentVerdict",
    "Mode",
    "ModerationAction",
    "Policy",
    "Reaction",
    "Report",
    "SpamFilterState",
    "commenter_q",
    "commenter_sql",
    "policy_for",
]
