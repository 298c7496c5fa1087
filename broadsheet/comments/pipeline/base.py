"""The small base class every check subclasses, and what a check receives and returns."""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar

from django.db.models import Count

from broadsheet.comments.models import Comment, CommentState, Policy


@dataclass(frozen=True)
class Verdict:
    APPROVE: ClassVar[str] = "approve"
    HOLD: ClassVar[str] = "hold"
    SPAM: ClassVar[str] = "spam"
    REJECT: ClassVar[str] = "reject"

    decision: str
    reason: str = ""
    score: float | None = None

    @classmethod
    def approve(cls, reason: str = "", score: float | None = None) -> "Verdict":
        return cls(cls.APPROVE, reason, score)


class Refused(Exception):  # noqa: N818 - reads as "the submission was refused"
    """The submission is not stored; the reader gets the form back, text kept."""

    def __init__(self, message: str, *, status: int = 400, code: str = "refused") -> None:
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


@dataclass(frozen=True)
class History:
    """How many of a commenter's comments so far were approved, marked spam or rejected."""

    approved: int = 0
    spam: int = 0
    rejected: int = 0


@dataclass
class Submission:
    """Everything the checks may look at; nothing is saved yet."""

    article: Any
    text: str
    name: str
    email: str
    policy: Policy
    now: datetime
    user: Any = None
    parent: Any = None
    ip_hash: str = ""
    guest_key_hash: str = ""
    honeypot: str = ""
    form_token: str | None = None
    fingerprint: str = ""

    @property
    def commenter_key(self) -> str:
        """Who wrote it, for rate limits and history: the account, else the email address."""
        if self.user is not None and self.user.pk:
            return f"user:{self.user.pk}"
        return f"email:{self.email.lower()}"

    @cached_property
    def history(self) -> History:
        """The commenter's record (by account or email address): one query, shared by checks.

        Counted by a GROUP BY on the state rather than a filtered count per state: the same
        query, half the work building it (it runs on every post).
        """
        if not self.email and (self.user is None or not self.user.pk):
            return History()
        mine = Comment.objects.by_commenter(email=self.email, user=self.user)
        counts = dict(mine.order_by().values_list("state").annotate(n=Count("pk")))
        return History(
            approved=counts.get(CommentState.APPROVED, 0),
            spam=counts.get(CommentState.SPAM, 0),
            rejected=counts.get(CommentState.REJECTED, 0),
        )


class Check:
    """Base class of a pipeline check. Subclasses set ``name`` and implement ``check``."""

    name: ClassVar[str] = "check"
    # Whether the check also runs when a reader edits an approved comment.
    runs_on_edit: ClassVar[bool] = False

    def __init__(self, **options: Any) -> None:
        self.options = options

    def check(self, submission: Submission) -> Verdict:
        raise NotImplementedError
