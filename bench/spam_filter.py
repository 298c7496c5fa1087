"""Measure the spam filter, old and new, on our own comments and on real labelled corpora.

    .venv/bin/python bench/spam_filter.py --corpus ../shared/data/sms-spam-collection/
    .venv/bin/python bench/spam_filter.py --corpus a.tsv --corpus b.tsv   # one source per file
    .venv/bin/python bench/spam_filter.py                                 # our comments only

Corpora are ``label<TAB>text`` files (header line skipped; bench/labelled.py). Splits never
let a campaign cross: our synthetic comments hold out whole template families (5 folds); a
corpus of several files holds out one file (source) at a time; a corpus of one file is split
into 5 folds of whole campaigns (broadsheet/comments/spamfilter/campaigns.py: near-duplicates,
shared phone numbers and short codes, shared linked sites, shared five-word phrases).

For each split, the old filter (naive Bayes, bench/naive_bayes.py) and the new one are trained
on the training part exactly as a site trains them: the new one through
``spamfilter.fit``, which chooses its spam and hold thresholds from held-out campaigns of the
training part alone for the target precision and recall. Both are then judged on the held-out
part. Counts are added up over the splits; precision at recall 0.9 is the mean over splits.
Prints one table, per-comment scoring time, and the worst mistakes; exits with status 1 when
a corpus misses a target (precision >= 0.98 and ham marked spam <= 1 % at the spam threshold,
spam kept out of view >= 90 %, scoring <= 1 ms per comment).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import labelled  # noqa: E402
from bench.data.comment_corpus import SEED, build  # noqa: E402
from bench.naive_bayes import SpamFilter as NaiveBayes  # noqa: E402
from broadsheet.comments import spamfilter  # noqa: E402
from broadsheet.comments.spamfilter import campaigns  # noqa: E402

FOLDS = 5
TARGETS = {"precision": 0.98, "ham_marked": 0.01, "kept_out": 0.90, "ms": 1.0}


@dataclass
class Dataset:
    name: str
    texts: list[str]
    labels: list[bool]
    split_of: list[int]  # which held-out part each row belongs to
    how: str


@dataclass
class Tally:
    """Counts over all held-out parts for one filter at one operating point."""

    spam_marked: int = 0
    ham_marked: int = 0
    spam_held: int = 0
    ham_held: int = 0
    spam: int = 0
    ham: int = 0
    p_at_r90: list[float] = field(default_factory=list)

    def add(self, outcomes: Sequence[str], labels: Sequence[bool]) -> None:
        for outcome, is_spam in zip(outcomes, labels, strict=True):
            self.spam += is_spam
            self.ham += not is_spam
            if outcome == spamfilter.SPAM:
                self.spam_marked += is_spam
                self.ham_marked += not is_spam
            elif outcome == spamfilter.HOLD:
                self.spam_held += is_spam
                self.ham_held += not is_spam

    def row(self) -> list[str]:
        marked = self.spam_marked + self.ham_marked
        p90 = f"{statistics.mean(self.p_at_r90):.3f}" if self.p_at_r90 else ""
        return [
            f"{self.spam_marked / marked:.3f}" if marked else "–",
            f"{self.spam_marked / self.spam:.3f}",
            f"{100 * self.ham_marked / self.ham:.2f} %",
            f"{(self.spam_marked + self.spam_held) / self.spam:.3f}",
            f"{100 * self.ham_held / self.ham:.1f} %",
            p90,
        ]


def precision_at_recall(scores: Sequence[float], labels: Sequence[bool], recall=0.9) -> float:
    ranked = sorted(zip(scores, labels, strict=True), key=lambda pair: -pair[0])
    needed, spam, seen = recall * sum(labels), 0, 0
    for _, is_spam in ranked:
        seen += 1
        spam += is_spam
        if spam >= needed:
            return spam / seen
    return 0.0


def synthetic(seed: int) -> Dataset:
    comments = build(seed)
    families: dict[str, int] = {}
    groups = [families.setdefault(c.family, len(families)) for c in comments]
    labels = [c.is_spam for c in comments]
    return Dataset(
        "synthetic comments (bench/data)",
        [c.text for c in comments],
        labels,
        campaigns.folds(groups, FOLDS, labels),
        f"{len(families)} template families, {FOLDS} folds of whole families",
    )


def corpus(path: Path) -> Dataset:
    rows, skipped = labelled.read(path)
    texts, labels = [r.text for r in rows], [r.is_spam for r in rows]
    sources = sorted({r.source for r in rows})
    note = f", {skipped} lines skipped" if skipped else ""
    if len(sources) > 1:
        split_of = [sources.index(r.source) for r in rows]
        how = f"{len(sources)} sources, each held out in turn{note}"
    else:
        groups = campaigns.campaigns(texts)
        split_of = campaigns.folds(groups, FOLDS, labels)
        how = f"{len(set(groups))} campaigns, {FOLDS} folds of whole campaigns{note}"
    return Dataset(path.name or str(path), texts, labels, split_of, how)


def run(
    data: Dataset, *, precision: float, recall: float, misses: list
) -> tuple[dict[str, Tally], float]:
    """Tallies per row of the table, and the per-comment judging time in ms."""
    tallies = {name: Tally() for name in ("old 0.90", "old 0.50", "new", "new 0.50", "starter")}
    timings: list[float] = []
    for part in sorted(set(data.split_of)):
        train = [i for i, s in enumerate(data.split_of) if s != part]
        test = [i for i, s in enumerate(data.split_of) if s == part]
        truth = [data.labels[i] for i in test]
        old = NaiveBayes()
        for i in train:
            old.learn(data.texts[i], is_spam=data.labels[i])
        old_scores = [old.score(data.texts[i]) for i in test]
        for name, cut in (("old 0.90", 0.9), ("old 0.50", 0.5)):
            tallies[name].add([_two(s, cut) for s in old_scores], truth)
        tallies["old 0.90"].p_at_r90.append(precision_at_recall(old_scores, truth))
        new = spamfilter.fit(
            [spamfilter.Comment(data.texts[i]) for i in train], [data.labels[i] for i in train]
        )
        comments = [spamfilter.Comment(data.texts[i]) for i in test]
        for _ in range(3):  # CPU time, fastest of three passes: the least disturbed by others
            started = time.process_time()
            judged = [new.judge(c, precision=precision, recall=recall) for c in comments]
            timings.append((time.process_time() - started) / len(test))
        tallies["new"].add([j.outcome for j in judged], truth)
        tallies["new"].p_at_r90.append(precision_at_recall([j.score for j in judged], truth))
        tallies["new 0.50"].add([_two(j.score, 0.5) for j in judged], truth)
        starter = spamfilter.starter()
        tallies["starter"].add(
            [
                starter.judge(spamfilter.Comment(data.texts[i]), precision=1, recall=1).outcome
                for i in test
            ],
            truth,
        )
        misses += [
            (j.score, data.labels[i], data.texts[i])
            for i, j in zip(test, judged, strict=True)
            if (j.outcome == spamfilter.SPAM) != data.labels[i] and j.outcome != spamfilter.HOLD
        ]
    return tallies, 1000 * min(timings)


def _two(score: float, cut: float) -> str:
    return spamfilter.SPAM if score >= cut else spamfilter.CLEAN


ROWS: list[tuple[str, str]] = [
    ("old 0.90", "old: naive Bayes at the old site threshold 0.90"),
    ("old 0.50", "old: naive Bayes at 0.50"),
    ("new", "new: logistic regression at its calibrated thresholds"),
    ("new 0.50", "new: logistic regression at 0.50"),
    ("starter", "day one: the starter model (only holds)"),
]
HEADER = [
    "set",
    "filter",
    "precision",
    "recall",
    "ham marked spam",
    "spam kept out (spam + held)",
    "ham held",
    "precision at recall 0.9",
]


def table(results: list[tuple[Dataset, dict[str, Tally]]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for n, (data, tallies) in enumerate(results):
        for key, label in ROWS:
            if key == "starter" and n:
                continue  # corpora: the shipped starter may have been trained on them
            lines.append("| " + " | ".join([data.name, label, *tallies[key].row()]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[], help="file or dir")
    parser.add_argument("--precision", type=float, default=0.99, help="site's target precision")
    parser.add_argument("--recall", type=float, default=0.95, help="share of spam kept out")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of our synthetic set")
    parser.add_argument("--misses", type=int, default=5, help="show this many mistakes")
    args = parser.parse_args(argv)

    sets = [synthetic(args.seed), *(corpus(path) for path in args.corpus)]
    results, failed = [], False
    for n, data in enumerate(sets):
        spam = sum(data.labels)
        print(f"{data.name}: {spam} spam + {len(data.labels) - spam} ham; {data.how}")
        misses: list = []
        started = time.perf_counter()
        tallies, ms = run(data, precision=args.precision, recall=args.recall, misses=misses)
        print(f"  trained and judged in {time.perf_counter() - started:.0f} s; scoring (features,")
        print(f"  model and thresholds) {ms:.3f} ms of CPU per comment (fastest pass over a split)")
        for score, is_spam, text in sorted(misses, key=lambda m: -abs(m[0] - 0.5))[: args.misses]:
            print(f"    {'spam' if is_spam else 'ham '} {score:.3f} {text[:90]!r}")
        results.append((data, tallies))
        if n:
            new = tallies["new"]
            marked = new.spam_marked + new.ham_marked
            failed |= (
                not marked
                or new.spam_marked / marked < TARGETS["precision"]
                or new.ham_marked / new.ham > TARGETS["ham_marked"]
                or (new.spam_marked + new.spam_held) / new.spam < TARGETS["kept_out"]
                or ms > TARGETS["ms"]
            )
    print(f"\ntargets for the new filter: precision {args.precision}, spam kept out {args.recall}")
    print(table(results))
    about = spamfilter.starter().about
    print(
        f"\nThe starter was trained on {about['corpus']} ({about['licence']}); held out there"
        f" (bench/starter_model.py) it holds {100 * about['held_out']['spam_held']:.1f} % of"
        f" spam and {100 * about['held_out']['ham_held']:.1f} % of the rest."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
