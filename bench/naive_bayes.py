"""The naive Bayes spam filter Broadsheet ran before its logistic regression, kept as the
benchmark's "old filter" (bench/spam_filter.py). Nothing in broadsheet/ imports it.

A learned spam filter: naive Bayes over hashed word and character n-grams.

Features. A text is normalised (Unicode NFKC, casefold, invisible format characters dropped)
and split into words. Each word is also *folded*: accents removed, and - only in words that
contain a Latin letter - Cyrillic/Greek look-alikes and leetspeak digits mapped to Latin
letters ("v1agra" -> "viagra", Cyrillic "саsino" -> "casino"); a fold leaves a marker feature.
Runs of three or more single letters are joined ("f r e e" -> "free"). From that come word
unigrams and bigrams, character 3-, 4- and 5-grams of the folded text, one feature per link
(the host and its top-level domain), and a few shape features (link count, share of capitals,
exclamation marks, length). Every feature string is hashed (CRC-32) into one of 2**18
buckets, and a text is the *set* of its buckets: repeating a word does not add evidence, and
the state can never grow past 2**18 counts per class.

Model. Multinomial naive Bayes over those binarised counts. For class c with n_c texts,
count_c[b] texts containing bucket b and total_c = sum(count_c), Lidstone smoothing gives
theta_c[b] = (count_c[b] + ALPHA) / (total_c + ALPHA * BUCKETS). In log space,

    z = log((n_spam + 1) / (n_ham + 1)) + EVIDENCE / |T| * sum over b in T of
        log(theta_spam[b] / theta_ham[b])

and the score is the logistic sigmoid of z. Calibration: plain naive Bayes adds up the
evidence of a thousand overlapping n-grams as if they were independent, so its "probability"
is nearly always 0 or 1. Averaging the per-bucket log-likelihood ratio and counting it as
EVIDENCE independent observations (a temperature) gives scores that spread out and can be
thresholded. ALPHA and EVIDENCE were chosen on bench/spam_filter.py's corpus, where results
barely move for ALPHA in 0.01-0.2 and EVIDENCE in 6-24.

Learning a text as spam never lowers its score: it adds 1 to count_spam[b] for each b in T
and |T| to total_spam. Since sum(count_spam[b] for b in T) <= total_spam, Jensen's inequality
on the convex x -> log(1 + 1/(x + ALPHA)) gives a rise in the spam-side sum of at least
|T| * log(1 + |T| / (total + ALPHA * |T|)), which is no smaller than the fall from the bigger
denominator, |T| * log(1 + |T| / (total + ALPHA * BUCKETS)), because |T| <= BUCKETS. The ham
side is untouched and the prior rises.

Why hand-written rather than scikit-learn: the whole model is a few hundred lines of counting,
and scikit-learn would pull numpy and scipy into every web server for it; its models persist
as pickles, while this state is plain JSON that is safe to keep in the database and to load
from it; and naive Bayes is incremental by construction - learn() and unlearn() only move
counts, so a moderator's "spam" / "not spam" takes effect at once without retraining.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from typing import Any

BUCKETS = 1 << 18
ALPHA = 0.05
EVIDENCE = 12.0
VERSION = 1
_SPAM, _HAM = "spam", "ham"

_INVISIBLE = {"Cf", "Cc", "Co", "Cs"}
_WORD_RE = re.compile(r"[\w@$]+")
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b(?:/[^\s<>\"']*)?"
)
_LEET = str.maketrans("0134578@$", "oieastbas")
_LOOKALIKES = str.maketrans("аеорсухіјѕԁӏкмнтвαεικνορτυχω", "aeopcyxijsdlkmhtbaeikvoptuxw")
_LOOKALIKE_CHARS = frozenset("аеорсухіјѕԁӏкмнтвαεικνορτυχω")


def _hash(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & (BUCKETS - 1)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE or ch in "\n\t")


def _fold(word: str) -> tuple[str, str | None]:
    """Return the word with accents, look-alikes and leetspeak undone, and why it changed."""
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )
    if not any("a" <= ch <= "z" for ch in bare):
        return word, None
    if _LOOKALIKE_CHARS.intersection(bare):
        return bare.translate(_LOOKALIKES).translate(_LEET), "mixed-script"
    leet = bare.translate(_LEET)
    if leet != bare:
        return leet, "leet"
    return bare, None


def _words(text: str) -> tuple[list[str], set[str]]:
    """Folded words (single-letter runs joined) and the markers of what folding found."""
    words: list[str] = []
    markers: set[str] = set()
    run: list[str] = []
    for token in [*_WORD_RE.findall(text), ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if len(run) >= 3:
            words.append(_fold("".join(run))[0])
            markers.add("spaced")
        else:
            words.extend(_fold(letter)[0] for letter in run)
        run = []
        if token:
            folded, why = _fold(token)
            words.append(folded)
            if why:
                markers.add(why)
    return words, markers


def _bucket(value: int, edges: tuple[float, ...]) -> int:
    return sum(value >= edge for edge in edges)


def features(text: str) -> frozenset[int]:
    """The set of hashed feature buckets for a text (never empty)."""
    norm = _normalise(text)
    words, markers = _words(norm)
    feats = {f"x:{marker}" for marker in markers}
    feats.update(f"w:{word}" for word in words)
    feats.update(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    joined = f" {' '.join(words)} "
    for n in (3, 4, 5):
        feats.update(f"c:{joined[i : i + n]}" for i in range(len(joined) - n + 1))
    links = _URL_RE.findall(norm)
    for link in links:
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link).split("/")[0].split(":")[0]
        feats.update({"u:link", f"d:{host}", f"t:{host.rsplit('.', 1)[-1]}"})
    letters = [ch for ch in text if ch.isalpha()]
    caps = sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0
    feats.add(f"s:links={min(len(links), 3)}")
    feats.add(f"s:caps={_bucket(caps, (0.3, 0.6))}")
    feats.add(f"s:bang={min(text.count('!'), 3)}")
    feats.add(f"s:len={_bucket(len(words), (5, 20, 60))}")
    return frozenset(_hash(feature) for feature in feats)


class SpamFilter:
    """Incremental spam/ham classifier; see the module docstring for the algorithm."""

    def __init__(self, *, min_examples: int = 20) -> None:
        self.min_examples = min_examples
        self._docs = {_SPAM: 0, _HAM: 0}
        self._counts: dict[str, dict[int, int]] = {_SPAM: {}, _HAM: {}}
        self._totals = {_SPAM: 0, _HAM: 0}

    @property
    def examples(self) -> tuple[int, int]:
        """How many texts have been learned as (spam, ham)."""
        return self._docs[_SPAM], self._docs[_HAM]

    def learn(self, text: str, *, is_spam: bool) -> None:
        """Count a text as an example of spam (or of ham)."""
        label = _SPAM if is_spam else _HAM
        counts = self._counts[label]
        buckets = features(text)
        for bucket in buckets:
            counts[bucket] = counts.get(bucket, 0) + 1
        self._totals[label] += len(buckets)
        self._docs[label] += 1

    def unlearn(self, text: str, *, is_spam: bool) -> None:
        """Reverse an earlier learn() of the same text and label; counts never go negative."""
        label = _SPAM if is_spam else _HAM
        if self._docs[label] == 0:
            return
        counts = self._counts[label]
        for bucket in features(text):
            count = counts.get(bucket, 0)
            if count == 0:
                continue
            if count == 1:
                del counts[bucket]
            else:
                counts[bucket] = count - 1
            self._totals[label] -= 1
        self._docs[label] -= 1

    def score(self, text: str) -> float | None:
        """Probability that the text is spam, or None before min_examples of each class."""
        spam_docs, ham_docs = self.examples
        if min(spam_docs, ham_docs) < max(self.min_examples, 1):
            return None
        spam, ham = self._counts[_SPAM], self._counts[_HAM]
        buckets = features(text)
        ratio = sum(math.log((spam.get(b, 0) + ALPHA) / (ham.get(b, 0) + ALPHA)) for b in buckets)
        ratio -= len(buckets) * math.log(
            (self._totals[_SPAM] + ALPHA * BUCKETS) / (self._totals[_HAM] + ALPHA * BUCKETS)
        )
        z = math.log((spam_docs + 1) / (ham_docs + 1)) + EVIDENCE * ratio / len(buckets)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        return math.exp(z) / (1.0 + math.exp(z))

    def to_dict(self) -> dict[str, Any]:
        """The learned state as JSON-serialisable data (bucket numbers become string keys)."""
        return {
            "version": VERSION,
            "buckets": BUCKETS,
            "min_examples": self.min_examples,
            "examples": {label: self._docs[label] for label in (_SPAM, _HAM)},
            "counts": {
                label: {str(b): n for b, n in sorted(self._counts[label].items())}
                for label in (_SPAM, _HAM)
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SpamFilter:
        """Rebuild a filter from to_dict() output; refuses other versions or bucket sizes."""
        if data.get("version") != VERSION or data.get("buckets") != BUCKETS:
            raise ValueError(
                f"spam filter state has version {data.get('version')!r} and "
                f"{data.get('buckets')!r} buckets; expected version {VERSION}, {BUCKETS} buckets"
            )
        spam_filter = cls(min_examples=int(data["min_examples"]))
        for label in (_SPAM, _HAM):
            counts = {int(b): int(n) for b, n in data["counts"][label].items() if int(n) > 0}
            if any(not 0 <= b < BUCKETS for b in counts):
                raise ValueError("spam filter state has a bucket out of range")
            spam_filter._counts[label] = counts
            spam_filter._totals[label] = sum(counts.values())
            spam_filter._docs[label] = max(0, int(data["examples"][label]))
        return spam_filter
