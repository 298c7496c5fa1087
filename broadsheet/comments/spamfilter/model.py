"""Logistic regression over hashed features, trained from scratch by stochastic gradient descent.

A comment's buckets (:mod:`.features`) are a sparse vector x: each text bucket weighs
1/sqrt(number of text buckets), so a long comment does not outvote a short one by length
alone, and each writer bucket weighs 1. The model is a bias b and one weight per bucket:

    z = b + sum(w[i] * x[i])        spam probability = 1 / (1 + exp(-z))

Training minimises the mean logistic loss plus (L2 / 2) * |w|^2 by plain SGD with the learning
rate 1 / (L2 * (t + t0)) (the schedule of Bottou's "Stochastic Gradient Descent Tricks", 2012)
over a few shuffled passes; the L2 shrinkage is applied to all weights at once through a
common scale factor, so each step costs only the buckets of one comment. On the same features
this ranks held-out comments as well as scikit-learn's LogisticRegression (L-BFGS) does, at the
same speed, without numpy or scipy (bench/README.md, "Choosing the model").

The state is plain data (:meth:`Model.to_dict`): a version, the bias and the weights that
matter (rounded; tiny ones are dropped after training), safe to keep as JSON in the database
and to load from it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from broadsheet.comments.spamfilter.features import BUCKETS, Features

VERSION = 2
L2 = 1e-5
EPOCHS = 5
# The bias takes smaller steps than the weights: it moves with every example.
BIAS_RATE = 0.1
# Weights smaller than this are dropped after training: on bench/spam_filter.py's corpora that
# changes no figure and keeps about a third of them.
KEEP_ABOVE = 0.03


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


@dataclass
class Model:
    """A trained logistic regression: bias and sparse weights by bucket."""

    bias: float = 0.0
    weights: dict[int, float] = field(default_factory=dict)

    def logit(self, features: Features) -> float:
        weights = self.weights
        text = sum(weights.get(i, 0.0) for i in features.text)
        writer = sum(weights.get(i, 0.0) for i in features.writer)
        return self.bias + text / math.sqrt(max(len(features.text), 1)) + writer

    def score(self, features: Features) -> float:
        """Probability that the comment is spam."""
        return sigmoid(self.logit(features))

    def to_dict(self) -> dict[str, Any]:
        """The model as JSON-ready data: weights as ``[[bucket, weight], ...]``, sorted."""
        return {
            "version": VERSION,
            "buckets": BUCKETS,
            "bias": round(self.bias, 5),
            "weights": [
                [bucket, round(weight, 4)] for bucket, weight in sorted(self.weights.items())
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Model:
        """Rebuild a model from :meth:`to_dict` output; refuses other versions or sizes."""
        if data.get("version") != VERSION or data.get("buckets") != BUCKETS:
            raise ValueError(
                f"spam filter model has version {data.get('version')!r} and "
                f"{data.get('buckets')!r} buckets; expected version {VERSION}, {BUCKETS} buckets"
            )
        weights = {int(bucket): float(weight) for bucket, weight in data["weights"]}
        if any(not 0 <= bucket < BUCKETS for bucket in weights):
            raise ValueError("spam filter model has a bucket out of range")
        return cls(bias=float(data["bias"]), weights=weights)


def train(
    examples: Sequence[tuple[Features, bool]],
    *,
    l2: float = L2,
    epochs: int = EPOCHS,
    seed: int = 0,
    keep: int | None = None,
) -> Model:
    """Fit a model to ``(features, is_spam)`` examples; the same arguments give the same model.

    ``keep`` keeps only that many of the largest weights (for a small shipped model).
    """
    rows = [
        (f.text, 1.0 / math.sqrt(max(len(f.text), 1)), f.writer, 1.0 if is_spam else 0.0)
        for f, is_spam in examples
    ]
    v = [0.0] * BUCKETS  # the weights are scale * v: shrinking them all is one multiplication
    scale, bias = 1.0, 0.0
    t0 = 1.0 / l2  # the first steps move by about one unit
    t = 0
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle  # noqa: S311 - an order of examples, not a secret
    for _ in range(epochs):
        shuffle(order)
        for n in order:
            text, x, writer, y = rows[n]
            rate = 1.0 / (l2 * (t0 + t))
            t += 1
            z = bias + scale * (sum(map(v.__getitem__, text)) * x + sum(map(v.__getitem__, writer)))
            gradient = sigmoid(z) - y
            scale *= 1.0 - rate * l2
            step = rate * gradient / scale
            for i in text:
                v[i] -= step * x
            for i in writer:
                v[i] -= step
            bias -= BIAS_RATE * rate * gradient
            if scale < 1e-9:  # fold the scale back into v before it underflows
                v = [value * scale for value in v]
                scale = 1.0
    touched = {i for text, _, writer, _ in rows for i in (*text, *writer)}
    weights = {i: scale * v[i] for i in touched if abs(scale * v[i]) >= KEEP_ABOVE}
    if keep is not None:
        weights = dict(sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:keep])
    return Model(bias=bias, weights=weights)
