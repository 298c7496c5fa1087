"""The small base class every check subclasses, and what a check receives and returns."""

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any, ClassVar

from django.db.models import Aggregate, Count, Q

from broadsheet.comments.models import Comment, CommentState, Policy, commenter_q


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


#: What :class:`History` counts, by the state counted.
HISTORY_COUNTS = {
    "approved": CommentState.APPROVED,
    "spam": CommentState.SPAM,
    "rejected": CommentState.REJECTED,
}


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
        """The commenter's record (by account or email address): one query, shared by checks
        (none more when a check asked :meth:`count` first)."""
        if not self._has_commenter:
            return History()
        return History(**Comment.objects.filter(self._commenter).aggregate(**self._history_counts))

    def count(self, scope: Q, **counts: Aggregate) -> dict[str, int]:
        """``counts`` over the comments in ``scope``, each filtered to within ``scope`` itself.

        Asked before :attr:`history`, the same query also reads the history (the query is
        then over ``scope`` or the commenter's comments): one round trip for both.
        """
        if "history" in self.__dict__ or not self._has_commenter:
            return Comment.objects.filter(scope).aggregate(**counts)
        found = Comment.objects.filter(scope | self._commenter).aggregate(
            **counts, **self._history_counts
        )
        self.__dict__["history"] = History(**{name: found.pop(name) for name in HISTORY_COUNTS})
        return found

    @property
    def _has_commenter(self) -> bool:
        return bool(self.email or (self.user is not None and self.user.pk))

    @property
    def _commenter(self) -> Q:
        return commenter_q(email=self.email, user=self.user)

    @property
    def _history_counts(self) -> dict[str, Aggregate]:
        mine = self._commenter
        return {name: Count("pk", filter=mine & Q(state=s)) for name, s in HISTORY_COUNTS.items()}


class Check:
    """Base class of a pipeline check. Subclasses set ``name`` and implement ``check``."""

    name: ClassVar[str] = "check"
    # Whether the check also runs when a reader edits an approved comment.
    runs_on_edit: ClassVar[bool] = False

    def __init__(self, **options: Any) -> None:
        self.options = options

    def check(self, submission: Submission) -> Verdict:
        raise NotImplementedError
