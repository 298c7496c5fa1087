"""Regenerate the starter spam model shipped in broadsheet/comments/spamfilter/starter/.

    .venv/bin/python bench/starter_model.py --corpus ../shared/data/sms-spam-collection/

Reads a labelled corpus (``label<TAB>text``, header skipped; see bench/labelled.py), trains the
filter's logistic regression on all of it, keeps the STARTER_WEIGHTS largest weights, and
chooses the starter's hold threshold: the lowest probability at which at most HAM_HELD of the
not-spam messages are held, measured on held-out campaigns (five folds, whole campaigns
together, each scored by a model trained on the other four). Writes model.json and prints what
the held-out messages say of it. The same corpus gives the same file byte for byte.

The shipped file was made from the SMS Spam Collection v.1 (T. A. Almeida, J. M. Gómez
Hidalgo, A. Yamakami, 2011; CC BY 4.0): see the README next to it for attribution.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import labelled  # noqa: E402
from broadsheet.comments.spamfilter import campaigns, features  # noqa: E402
from broadsheet.comments.spamfilter.filter import STARTER, STARTER_PATH, SpamFilter  # noqa: E402
from broadsheet.comments.spamfilter.model import sigmoid, train  # noqa: E402

STARTER_WEIGHTS = 5000
HAM_HELD = 0.005
FOLDS = 5


def held_out(found, labels, fold_of) -> list[float]:
    scores = [0.0] * len(found)
    for fold in range(FOLDS):
        inside = [(found[i], labels[i]) for i in range(len(found)) if fold_of[i] != fold]
        model = train(inside, keep=STARTER_WEIGHTS)
        for i in range(len(found)):
            if fold_of[i] == fold:
                scores[i] = sigmoid(model.logit(found[i]))
    return scores


def hold_threshold(scores: list[float], labels: list[bool]) -> float:
    """The lowest score (3 decimals) holding at most HAM_HELD of the not-spam messages."""
    ham = sorted((s for s, y in zip(scores, labels, strict=True) if not y), reverse=True)
    allowed = int(HAM_HELD * len(ham))
    # Just above the (allowed+1)-th highest not-spam score, rounded up to 3 decimals.
    return min(1.0, (int(ham[allowed] * 1000) + 1) / 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="labelled file or directory")
    parser.add_argument("--out", type=Path, default=STARTER_PATH)
    args = parser.parse_args(argv)

    rows, skipped = labelled.read(args.corpus)
    texts = [row.text for row in rows]
    labels = [row.is_spam for row in rows]
    found = [features(text) for text in texts]
    groups = campaigns.campaigns(texts)
    fold_of = campaigns.folds(groups, FOLDS, labels)
    scores = held_out(found, labels, fold_of)
    hold_above = hold_threshold(scores, labels)
    spam = sum(labels)
    held_spam = sum(s >= hold_above for s, y in zip(scores, labels, strict=True) if y) / spam
    held_ham = sum(s >= hold_above for s, y in zip(scores, labels, strict=True) if not y) / (
        len(labels) - spam
    )
    about = {
        "corpus": "SMS Spam Collection v.1 (Almeida, Gómez Hidalgo, Yamakami, 2011)",
        "licence": "CC BY 4.0",
        "messages": len(rows),
        "spam": spam,
        "weights": STARTER_WEIGHTS,
        "held_out": {
            "campaigns": len(set(groups)),
            "spam_held": round(held_spam, 3),
            "ham_held": round(held_ham, 3),
        },
    }
    starter = SpamFilter(
        kind=STARTER,
        model=train(list(zip(found, labels, strict=True)), keep=STARTER_WEIGHTS),
        hold_above=hold_above,
        about=about,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(starter.to_dict(), ensure_ascii=False) + "\n", "utf-8")
    print(
        f"{len(rows)} messages ({spam} spam), {skipped} lines skipped, {len(set(groups))} campaigns"
    )
    print(f"hold threshold {hold_above:.3f}: held out of {FOLDS} folds, it holds")
    print(f"  {100 * held_spam:.1f} % of spam and {100 * held_ham:.1f} % of not-spam")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
