"""Keeping the spam filter (:mod:`broadsheet.comments.spamfilter`) and teaching it.

Decisions. "Spam" teaches spam; "not spam" and approval teach not-spam. Each comment counts
once, by its latest decision (``Comment.trained_as``); the filter's own verdicts never count,
so it cannot teach itself.

Training. The site's model is trained from scratch on the latest :data:`MAX_DECISIONS`
decisions, and its thresholds chosen from their held-out scores, by the ``retrain_spam_filter``
task. :func:`teach` queues that task every :data:`RETRAIN_AFTER` decisions, and at once when
the site first has :data:`MIN_DECISIONS` of each kind (or its stored model is of an older kind).
Until then the starter model shipped with Broadsheet is used; it only holds.

Reading. The site's filter is one JSON row (:class:`SpamFilterState`), parsed once per process
and parsed again only after a retraining has saved the row (in any process).
"""

import logging
import math
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import Upper
from django.utils import timezone

from broadsheet.caching import fragments
from broadsheet.comments import spamfilter
from broadsheet.comments.models import Comment, CommentState, SpamFilterState
from broadsheet.comments.spamfilter import calibration

logger = logging.getLogger("broadsheet.comments")

SPAM, HAM = "spam", "ham"
MIN_DECISIONS = 10
RETRAIN_AFTER = 10
MAX_DECISIONS = 10_000


def load_filter() -> spamfilter.SpamFilter:
    """The filter in force: the site's own once trained, else the starter.

    Parsed once per process and kept (``broadsheet.caching.fragments``) until the stored row
    changes, which moves the filter's generation. Never change the answer: its parts are
    shared with other callers in this process.
    """
    return fragments.remember("spam-filter", [], _stored_filter, depends_on=[fragments.SPAM_FILTER])


def _stored_filter() -> spamfilter.SpamFilter:
    row = SpamFilterState.objects.order_by("pk").first()
    found = _site_filter(row.state) if row is not None else None
    return spamfilter.starter() if found is None else found


def _site_filter(state: dict) -> spamfilter.SpamFilter | None:
    if not state:
        return None
    try:
        return spamfilter.SpamFilter.from_dict(state)
    except (ValueError, KeyError, TypeError):
        logger.warning("The stored spam filter cannot be read; the starter model is used.")
        return None


@transaction.atomic
def teach(comment: Comment, *, is_spam: bool) -> bool:
    """Record a moderator's decision on ``comment``. True when a retraining is due."""
    label = SPAM if is_spam else HAM
    if comment.trained_as == label or not comment.text:
        return False
    comment.trained_as = label
    Comment.objects.filter(pk=comment.pk).update(trained_as=label)
    # The state itself (up to a few MB of JSON) is neither read nor written here.
    rows = SpamFilterState.objects.order_by("pk").only("pk", "decisions_since_training")
    row = rows.select_for_update().first() or SpamFilterState.objects.create(state={})
    SpamFilterState.objects.filter(pk=row.pk).update(
        decisions_since_training=F("decisions_since_training") + 1
    )
    if row.decisions_since_training + 1 >= RETRAIN_AFTER:
        return True
    has_model = SpamFilterState.objects.filter(pk=row.pk).exclude(state={}).exists()
    return not has_model and min(decision_counts()) >= MIN_DECISIONS


def decision_counts() -> tuple[int, int]:
    """How many comments moderators decided were (spam, not spam)."""
    counts = dict(
        Comment.objects.exclude(trained_as="")
        .values_list("trained_as")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return counts.get(SPAM, 0), counts.get(HAM, 0)


def retrain(*, now: datetime | None = None) -> spamfilter.SpamFilter | None:
    """Train the site's filter from scratch on the latest decisions and store it.

    Below :data:`MIN_DECISIONS` of either kind (moderators may have changed their minds) the
    stored filter is cleared instead, so the starter is in force again, and None is returned.
    """
    decided = list(
        Comment.objects.exclude(trained_as="")
        .exclude(text="")
        .order_by("-created_at", "-pk")
        .values("pk", "text", "name", "email", "user_id", "created_at", "trained_as")[
            :MAX_DECISIONS
        ]
    )
    labels = [row["trained_as"] == SPAM for row in decided]
    if min(sum(labels), len(labels) - sum(labels)) < MIN_DECISIONS:
        _store({})
        return None
    history = histories(decided)
    comments = [
        spamfilter.Comment(
            text=row["text"],
            name=row["name"],
            email=row["email"],
            signed_in=row["user_id"] is not None,
            **history[row["pk"]],
        )
        for row in decided
    ]
    when = (now or timezone.now()).isoformat(timespec="seconds")
    trained = spamfilter.fit(comments, labels, trained_at=when)
    _store(trained.to_dict())
    logger.info("Spam filter retrained on %d spam and %d not-spam decisions.", *trained.decisions)
    return trained


@transaction.atomic
def _store(state: dict) -> None:
    row = SpamFilterState.objects.select_for_update().order_by("pk").first()
    if row is None:
        row = SpamFilterState(state={})
    row.state = state
    row.decisions_since_training = 0
    row.save()  # moves the filter's generation: every process reads the new state


_COUNTED = {
    CommentState.APPROVED: "approved",
    CommentState.SPAM: "spam",
    CommentState.REJECTED: "rejected",
}


def histories(decided: list[dict]) -> dict[int, dict[str, int]]:
    """For each decided comment, its writer's earlier comments by state, as at scoring time.

    A writer is their account, else their email address (ignoring case). Earlier comments are
    read for those writers only, a few hundred at a time.
    """
    users = {row["user_id"] for row in decided if row["user_id"] is not None}
    emails = {row["email"].upper() for row in decided if row["user_id"] is None and row["email"]}
    states = list(_COUNTED)
    earlier: list[tuple] = []
    for chunk in _chunks(sorted(users)):
        earlier += Comment.objects.filter(user_id__in=chunk, state__in=states).values_list(
            "user_id", "email", "state", "created_at", "pk"
        )
    for chunk in _chunks(sorted(emails)):
        earlier += (
            Comment.objects.alias(upper=Upper("email"))
            .filter(upper__in=chunk, user__isnull=True, state__in=states)
            .values_list("user_id", "email", "state", "created_at", "pk")
        )
    by_writer: dict[str, list[tuple]] = {}
    for user_id, email, state, created_at, pk in earlier:
        by_writer.setdefault(_writer(user_id, email), []).append((created_at, pk, state))
    result = {}
    for row in decided:
        counts = {"approved_before": 0, "spam_before": 0, "rejected_before": 0}
        for created_at, pk, state in by_writer.get(_writer(row["user_id"], row["email"]), ()):
            if (created_at, pk) < (row["created_at"], row["pk"]):
                counts[f"{_COUNTED[state]}_before"] += 1
        result[row["pk"]] = counts
    return result


def _writer(user_id: int | None, email: str) -> str:
    return f"user:{user_id}" if user_id is not None else f"email:{email.upper()}"


def _chunks(values: list, size: int = 500):
    for start in range(0, len(values), size):
        yield values[start : start + size]


@dataclass(frozen=True)
class Status:
    """What the moderators' spam filter page shows."""

    spam_filter: spamfilter.SpamFilter
    decisions: tuple[int, int]  # every recorded (spam, not spam) decision
    since_training: int
    thresholds: spamfilter.Thresholds | None
    precision: float
    recall: float

    @property
    def is_starter(self) -> bool:
        return self.spam_filter.kind == spamfilter.STARTER

    @property
    def retrains_in(self) -> int:
        return max(RETRAIN_AFTER - self.since_training, 1)

    @property
    def marked(self) -> calibration.Estimate | None:
        """What held-out decisions say of "marked as spam"; None while the filter only holds."""
        return self.thresholds.spam if self.thresholds else None

    @property
    def held(self) -> calibration.Estimate | None:
        """What they say of "spam or held" (kept out of view)."""
        return self.thresholds.hold if self.thresholds else None

    @property
    def ham_only_held(self) -> float:
        """Share of held-out not-spam decisions held (not marked)."""
        if self.held is None or not self.held.ham_total:
            return 0.0
        marked = self.marked.ham if self.marked else 0
        return (self.held.ham - marked) / self.held.ham_total

    @property
    def spam_needed(self) -> int:
        """Spam decisions, none wrong, that the cautious precision needs at the target."""
        return math.ceil(self.precision / (1 - self.precision) - 1e-9)


def status(*, precision: float, recall: float) -> Status:
    """The filter in force and its estimates for a site's targets."""
    spam_filter = load_filter()
    row = SpamFilterState.objects.order_by("pk").values("decisions_since_training").first()
    return Status(
        spam_filter=spam_filter,
        decisions=decision_counts(),
        since_training=row["decisions_since_training"] if row else 0,
        thresholds=spam_filter.thresholds(precision=precision, recall=recall),
        precision=precision,
        recall=recall,
    )
