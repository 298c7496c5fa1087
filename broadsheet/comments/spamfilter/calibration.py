"""Choosing the spam and hold thresholds from held-out moderators' decisions.

Terms. A *decision* is a comment a moderator marked spam or not spam (approving counts as
not spam). Its *held-out score* is what a model trained without it, and without the rest of
its campaign (:mod:`.campaigns`), gave it: decisions are split into :data:`FOLDS` folds, whole
campaigns together, and each fold is scored by a model trained on the others. The held-out
scores are kept as a *curve*: how many spam and not-spam decisions fall in each step of
:data:`STEP` on the logit scale, highest first.

Spam threshold, for a target precision P: the lowest step such that, of the decisions scored
at or above it, the spam ones make up at least P - counting one imaginary not-spam decision
among them, so that a handful of decisions can never look perfect: with P = 0.99 it takes at
least 99 spam decisions above the threshold and none wrong before the filter marks anything as
spam. When no step qualifies there is no spam threshold, and the filter only holds.

Hold threshold, for a target recall R: the highest step at or above which lie at least R of
all spam decisions (never above the spam threshold). Comments between the two thresholds wait
for a moderator.

The estimates shown to moderators are the same counts read at the chosen thresholds: the
precision and recall of "spam", the share of spam kept out of view (spam or held) and the
share of not-spam held or marked, with the number of decisions they rest on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

FOLDS = 5
STEP = 0.05


@dataclass(frozen=True)
class Curve:
    """Held-out decisions per logit step: ``(step, spam, not_spam)``, highest step first."""

    points: tuple[tuple[float, int, int], ...]

    @classmethod
    def from_scores(cls, logits: Sequence[float], labels: Sequence[bool]) -> Curve:
        counts: dict[int, list[int]] = {}
        for z, is_spam in zip(logits, labels, strict=True):
            step = counts.setdefault(math.floor(z / STEP), [0, 0])
            step[0 if is_spam else 1] += 1
        return cls(
            tuple(
                (round(n * STEP, 2), spam, ham)
                for n, (spam, ham) in sorted(counts.items(), reverse=True)
            )
        )

    @property
    def spam(self) -> int:
        return sum(spam for _, spam, _ in self.points)

    @property
    def ham(self) -> int:
        return sum(ham for _, _, ham in self.points)

    def to_list(self) -> list[list[float]]:
        return [list(point) for point in self.points]

    @classmethod
    def from_list(cls, data: list) -> Curve:
        return cls(tuple((float(z), int(spam), int(ham)) for z, spam, ham in data))


@dataclass(frozen=True)
class Estimate:
    """What the held-out decisions say of "score at or above ``logit``"."""

    logit: float
    spam: int  # spam decisions at or above it
    ham: int  # not-spam decisions at or above it
    spam_total: int
    ham_total: int

    @property
    def precision(self) -> float:
        return self.spam / (self.spam + self.ham) if self.spam + self.ham else 1.0

    @property
    def recall(self) -> float:
        return self.spam / self.spam_total if self.spam_total else 0.0

    @property
    def ham_rate(self) -> float:
        return self.ham / self.ham_total if self.ham_total else 0.0

    @property
    def probability(self) -> float:
        return 1.0 / (1.0 + math.exp(-self.logit))


def _estimates(curve: Curve) -> list[Estimate]:
    spam = ham = 0
    found = []
    for z, s, h in curve.points:
        spam, ham = spam + s, ham + h
        found.append(Estimate(z, spam, ham, curve.spam, curve.ham))
    return found


def spam_threshold(curve: Curve, precision: float) -> Estimate | None:
    """The lowest step whose cautious precision reaches ``precision``; None when none does."""
    chosen = None
    for estimate in _estimates(curve):
        if estimate.spam and estimate.spam / (estimate.spam + estimate.ham + 1) >= precision:
            chosen = estimate
    return chosen


def hold_threshold(curve: Curve, recall: float, *, below: Estimate | None = None) -> Estimate:
    """The highest step above which lie ``recall`` of the spam decisions, at most ``below``."""
    estimates = _estimates(curve)
    if not estimates:
        return Estimate(0.0, 0, 0, 0, 0)
    chosen = next((e for e in estimates if e.recall >= recall), estimates[-1])
    if below is not None and chosen.logit > below.logit:
        return below
    return chosen
