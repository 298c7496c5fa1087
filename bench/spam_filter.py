"""Benchmark the learned spam filter on a held-out split of our own labelled comments.

    .venv/bin/python bench/spam_filter.py [--threshold 0.5] [--seed N] [--misses 5]

Trains broadsheet.comments.spamfilter.SpamFilter on the training families of
bench/data/comment_corpus.py and prints precision, recall and F1 for "spam" on the held-out
families (whole template families are held out, so no near-duplicate leaks across), with
training time, per-comment scoring time and the size of the stored state. Exits with status 1
when precision < 0.95 or recall < 0.80.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.data.comment_corpus import SEED, Comment, build, split  # noqa: E402
from broadsheet.comments.spamfilter import SpamFilter  # noqa: E402

TARGET_PRECISION = 0.95
TARGET_RECALL = 0.80


def train(comments: list[Comment]) -> tuple[SpamFilter, float]:
    spam_filter = SpamFilter()
    started = time.perf_counter()
    for comment in comments:
        spam_filter.learn(comment.text, is_spam=comment.is_spam)
    return spam_filter, time.perf_counter() - started


def metrics(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    """Precision, recall and F1 for the positive class from (truth, predicted) pairs."""
    tp = sum(truth and guess for truth, guess in pairs)
    fp = sum(guess and not truth for truth, guess in pairs)
    fn = sum(truth and not guess for truth, guess in pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def describe(name: str, comments: list[Comment]) -> str:
    spam = [c for c in comments if c.is_spam]
    ham = [c for c in comments if not c.is_spam]
    families = {c.family for c in comments}
    return f"{name}: {len(spam)} spam + {len(ham)} ham from {len(families)} families"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--misses", type=int, default=5, help="show this many errors")
    args = parser.parse_args(argv)

    train_set, test_set = split(build(args.seed), seed=args.seed)
    print(describe("train", train_set))
    print(describe("test ", test_set))
    held_out = sorted({c.family for c in test_set})
    print("held-out families:", ", ".join(held_out))

    spam_filter, train_seconds = train(train_set)
    started = time.perf_counter()
    scores = [spam_filter.score(c.text) for c in test_set]
    score_seconds = time.perf_counter() - started
    assert all(score is not None for score in scores)

    result = metrics(
        [(c.is_spam, s >= args.threshold) for c, s in zip(test_set, scores, strict=True)]
    )
    brier = sum((s - c.is_spam) ** 2 for c, s in zip(test_set, scores, strict=True)) / len(test_set)
    state = json.dumps(spam_filter.to_dict())

    print(f"\nthreshold {args.threshold:.2f}")
    print(f"precision {result['precision']:.3f}  (target >= {TARGET_PRECISION})")
    print(f"recall    {result['recall']:.3f}  (target >= {TARGET_RECALL})")
    print(f"F1        {result['f1']:.3f}")
    print(f"tp {result['tp']}  fp {result['fp']}  fn {result['fn']}  Brier score {brier:.3f}")
    print(f"training: {len(train_set)} comments in {train_seconds:.2f} s")
    print(f"scoring:  {1000 * score_seconds / len(test_set):.2f} ms per comment")
    print(f"state:    {len(state) / 1024:.0f} KiB of JSON")

    print("\nprecision / recall at other thresholds:")
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        other = metrics(
            [(c.is_spam, s >= threshold) for c, s in zip(test_set, scores, strict=True)]
        )
        print(f"  {threshold:.1f}: {other['precision']:.3f} / {other['recall']:.3f}")

    errors = [
        (c, s) for c, s in zip(test_set, scores, strict=True) if (s >= args.threshold) != c.is_spam
    ]
    errors.sort(key=lambda pair: abs(pair[1] - args.threshold), reverse=True)
    if errors and args.misses:
        print(f"\nworst {min(args.misses, len(errors))} of {len(errors)} errors:")
        for comment, score in errors[: args.misses]:
            label = "spam" if comment.is_spam else "ham "
            print(f"  {label} {score:.2f} [{comment.family}] {comment.text[:90]!r}")

    met = result["precision"] >= TARGET_PRECISION and result["recall"] >= TARGET_RECALL
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
