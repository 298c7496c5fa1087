"""The small base class every check subclasses, and what a check receives and returns."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any, ClassVar

from django.db import connection

from broadsheet.comments.models import Comment, CommentState, Policy, commenter_sql

#: How far back "this commenter already sent these words" looks.
SAME_TEXT_DAYS = 30
#: How far back "the same words under other articles" looks.
FLOOD_WINDOW = timedelta(days=1)


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
    """What the stored comments say about a submission: how many of the commenter's were
    approved, marked spam or rejected; how many of theirs in the last :data:`SAME_TEXT_DAYS`
    days had the same words; and under how many *other* articles anyone posted the same
    words in the last :data:`FLOOD_WINDOW`."""

    approved: int = 0
    spam: int = 0
    rejected: int = 0
    same_text: int = 0
    same_text_articles: int = 0


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
        """Read once, by :func:`read_history`, for every check that asks."""
        return read_history(self)


def read_history(submission: Submission) -> History:
    """:class:`History` in one query, on every post (the duplicate, learned filter and trust
    checks all read it).

    Written as SQL: the ORM spent longer building the filtered counts than the database
    took to answer them. The rows it reads are the commenter's (by the indexes on the
    account and on ``UPPER(email)``) and those with the same fingerprint in the last day.
    """
    mine, mine_params = commenter_sql(email=submission.email, user=submission.user)
    fingerprint = submission.fingerprint
    if not fingerprint and mine_params == []:
        return History()
    adapt = connection.ops.adapt_datetimefield_value
    since = adapt(submission.now - timedelta(days=SAME_TEXT_DAYS))
    day_ago = adapt(submission.now - FLOOD_WINDOW)
    table = connection.ops.quote_name(Comment._meta.db_table)
    # The commenter's rows and the last day's with the same fingerprint, each marked
    # whether it is the commenter's; then every count over them. Only quoted names are
    # interpolated, every value is a parameter.
    sql = (
        "SELECT SUM(CASE WHEN mine AND state = %s THEN 1 ELSE 0 END),"  # noqa: S608
        " SUM(CASE WHEN mine AND state = %s THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN mine AND state = %s THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN mine AND fingerprint = %s AND created_at >= %s THEN 1 ELSE 0 END),"
        " COUNT(DISTINCT CASE WHEN fingerprint = %s AND created_at >= %s AND article_id <> %s"
        " THEN article_id END)"
        f" FROM (SELECT {mine} AS mine, state, fingerprint, created_at, article_id"
        f" FROM {table} WHERE {mine} OR (fingerprint = %s AND created_at >= %s)) AS seen"
    )
    params = [
        CommentState.APPROVED.value, CommentState.SPAM.value, CommentState.REJECTED.value,
        fingerprint, since,
        fingerprint, day_ago, submission.article.pk,
        *mine_params, *mine_params, fingerprint, day_ago,
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    approved, spam, rejected, same_text, articles = (value or 0 for value in row)
    return History(approved, spam, rejected, same_text, articles)


class Check:
    """Base class of a pipeline check. Subclasses set ``name`` and implement ``check``."""

    name: ClassVar[str] = "check"
    # Whether the check also runs when a reader edits an approved comment.
    runs_on_edit: ClassVar[bool] = False

    def __init__(self, **options: Any) -> None:
        self.options = options

    def check(self, submission: Submission) -> Verdict:
        raise NotImplementedError
