"""The spam filter a site runs: a model, what it was trained on, and its three outcomes.

A filter is either the *starter* (shipped with Broadsheet, ``starter/README.md``), which only
ever holds, or the *site's own*, trained from the site's decisions by :func:`fit`, which marks
spam only above the threshold its held-out decisions support (:mod:`.calibration`).

:meth:`SpamFilter.judge` gives one of three outcomes for a comment:

- ``spam``: at or above the spam threshold;
- ``hold``: at or above the hold threshold, uncertain: a moderator decides;
- ``clean``: below both; the comment goes on to the other checks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from broadsheet.comments.spamfilter import calibration, campaigns
from broadsheet.comments.spamfilter.features import Comment, Features, features
from broadsheet.comments.spamfilter.model import VERSION, Model, logit, sigmoid, train

STARTER = "starter"
SITE = "site"
SPAM, HOLD, CLEAN = "spam", "hold", "clean"
STARTER_PATH = Path(__file__).with_name("starter") / "model.json"


@dataclass(frozen=True)
class Judgement:
    outcome: str
    score: float
    reason: str


@dataclass(frozen=True)
class Thresholds:
    """The thresholds in force for one target pair, with their held-out estimates."""

    spam: calibration.Estimate | None
    hold: calibration.Estimate


@dataclass
class SpamFilter:
    kind: str
    model: Model
    curve: calibration.Curve | None = None  # site filters: held-out decisions
    hold_above: float = 0.5  # the starter's hold threshold (a probability)
    trained_at: str = ""
    about: dict[str, Any] = field(default_factory=dict)

    @property
    def decisions(self) -> tuple[int, int]:
        """How many (spam, not-spam) decisions the site's filter was trained on."""
        return (self.curve.spam, self.curve.ham) if self.curve else (0, 0)

    def score(self, comment: Comment | Features) -> float:
        """Probability that the comment is spam."""
        found = comment if isinstance(comment, Features) else features(comment)
        return sigmoid(self.model.logit(found))

    def thresholds(self, *, precision: float, recall: float) -> Thresholds | None:
        """The site filter's thresholds for these targets; None for the starter."""
        if self.curve is None:
            return None
        return _thresholds(self.curve, precision, recall)

    def judge(self, comment: Comment, *, precision: float, recall: float) -> Judgement:
        """Spam, hold or clean, with the score and a reason a moderator can read."""
        score = self.score(comment)
        found = self.thresholds(precision=precision, recall=recall)
        if found is None:
            if score >= self.hold_above:
                return Judgement(
                    HOLD,
                    score,
                    f"Starter model: spam probability {score:.3f} ≥ {self.hold_above:.3f}; "
                    "held, as it never marks spam.",
                )
            return Judgement(CLEAN, score, f"Starter model: spam probability {score:.3f}.")
        z = logit(score)
        if found.spam is not None and z >= found.spam.logit:
            return Judgement(
                SPAM,
                score,
                f"Spam probability {score:.3f} ≥ {found.spam.probability:.3f}, the threshold "
                f"for precision {precision:.2f}.",
            )
        if z >= found.hold.logit:
            return Judgement(
                HOLD, score, f"Spam probability {score:.3f} ≥ {found.hold.probability:.3f}: held."
            )
        return Judgement(CLEAN, score, f"Spam probability {score:.3f}.")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "version": VERSION,
            "kind": self.kind,
            "model": self.model.to_dict(),
            "trained_at": self.trained_at,
            "about": self.about,
        }
        if self.curve is not None:
            data["curve"] = self.curve.to_list()
        if self.kind == STARTER:
            data["hold_above"] = self.hold_above
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpamFilter:
        """Rebuild a filter from :meth:`to_dict` output; ValueError for other versions."""
        if data.get("version") != VERSION or data.get("kind") not in (STARTER, SITE):
            raise ValueError(f"spam filter state of version {data.get('version')!r} is unknown")
        return cls(
            kind=data["kind"],
            model=Model.from_dict(data["model"]),
            curve=calibration.Curve.from_list(data["curve"]) if "curve" in data else None,
            hold_above=float(data.get("hold_above", 0.5)),
            trained_at=str(data.get("trained_at", "")),
            about=dict(data.get("about", {})),
        )


@lru_cache(maxsize=32)
def _thresholds(curve: calibration.Curve, precision: float, recall: float) -> Thresholds:
    spam = calibration.spam_threshold(curve, precision)
    return Thresholds(spam=spam, hold=calibration.hold_threshold(curve, recall, below=spam))


def starter() -> SpamFilter:
    """The starter filter shipped with Broadsheet (parsed once per process)."""
    return _starter()


@cache
def _starter() -> SpamFilter:
    return SpamFilter.from_dict(json.loads(STARTER_PATH.read_text(encoding="utf-8")))


def held_out_logits(
    found: Sequence[Features], labels: Sequence[bool], fold_of: Sequence[int], k: int
) -> list[float]:
    """Each example's logit under a model trained on the other folds."""
    logits = [0.0] * len(found)
    for fold in range(k):
        inside = [i for i in range(len(found)) if fold_of[i] != fold]
        if len(inside) == len(found):
            continue
        model = train([(found[i], labels[i]) for i in inside])
        for i in range(len(found)):
            if fold_of[i] == fold:
                logits[i] = model.logit(found[i])
    return logits


def fit(
    comments: Sequence[Comment],
    labels: Sequence[bool],
    *,
    trained_at: str = "",
    folds: int = calibration.FOLDS,
    groups: Sequence[int] | None = None,
) -> SpamFilter:
    """Train the site's filter on its decisions and calibrate it on held-out campaigns.

    ``groups`` says which decisions belong together when it is known (a benchmark's sources);
    by default they are found with :func:`.campaigns.campaigns`.
    """
    found = [features(comment) for comment in comments]
    if groups is None:
        groups = campaigns.campaigns([comment.text for comment in comments])
    fold_of = campaigns.folds(groups, folds, labels)
    logits = held_out_logits(found, labels, fold_of, folds)
    return SpamFilter(
        kind=SITE,
        model=train(list(zip(found, labels, strict=True))),
        curve=calibration.Curve.from_scores(logits, labels),
        trained_at=trained_at,
        about={"campaigns": len(set(groups))},
    )
