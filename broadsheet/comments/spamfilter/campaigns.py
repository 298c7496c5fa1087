"""Which comments belong together: near-duplicates and campaigns, kept on one side of a split.

Spam comes in campaigns: the same message with a changed name or number, or different words
pushing the same phone number or site. A model tested on copies of what it was trained on
looks better than it is, so whenever decisions are split to measure the filter (calibration,
``bench/spam_filter.py``) a whole group goes to one side.

Two comments are in the same group when, directly or through others,

- their word-pair sets (casefolded, digits read as 0) overlap by at least :data:`SIMILAR`
  (Jaccard), found with MinHash and locality-sensitive hashing (16 hashes in 8 bands of 2,
  then checked exactly); or
- they share a number of five or more digits (a phone number, a short code); or
- they link to the same site (:func:`~.features.site_of`: ``news.example.co.uk`` and
  ``example.co.uk`` are one).
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Sequence

from broadsheet.comments.spamfilter.features import link_hosts, long_numbers, site_of

SIMILAR = 0.5
PHRASE = 5
COMMON_PHRASE = 50
_HASHES, _ROWS = 16, 2
_CHECKED = 20
_TOKEN_RE = re.compile(r"\w+")


def _shingles(text: str) -> frozenset[str]:
    words = [re.sub(r"\d", "0", w) for w in _TOKEN_RE.findall(text.casefold())]
    if len(words) < 3:
        return frozenset(words) or frozenset({""})
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))


def _phrases(text: str) -> set[str]:
    words = [re.sub(r"\d", "0", w) for w in _TOKEN_RE.findall(text.casefold())]
    return {" ".join(words[i : i + PHRASE]) for i in range(len(words) - PHRASE + 1)}


def _signature(shingles: frozenset[str]) -> tuple[int, ...]:
    encoded = [s.encode("utf-8") for s in shingles]
    return tuple(min(zlib.crc32(s, seed * 0x9E3779B1) for s in encoded) for seed in range(_HASHES))


class _Groups:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def campaigns(texts: Sequence[str]) -> list[int]:
    """A group number for each text; texts in one campaign share it (the smallest index)."""
    groups = _Groups(len(texts))
    shingles = [_shingles(text) for text in texts]
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, found in enumerate(shingles):
        signature = _signature(found)
        for band in range(0, _HASHES, _ROWS):
            buckets[(band, signature[band : band + _ROWS])].append(i)
        for phrase in _phrases(texts[i]):
            buckets[("phrase", phrase)].append(i)
        for number in long_numbers(texts[i]):
            buckets[("number", number)].append(i)
        for host in link_hosts(texts[i]):
            buckets[("domain", site_of(host))].append(i)
    for key, members in buckets.items():
        if key[0] == "phrase" and len(members) > COMMON_PHRASE:
            continue
        if key[0] in ("phrase", "number", "domain"):
            for other in members[1:]:
                groups.join(members[0], other)
            continue
        # Candidates that share a band: check each against the few before it.
        for n, j in enumerate(members[1:], start=1):
            for i in members[max(0, n - _CHECKED) : n]:
                if groups.find(i) == groups.find(j):
                    break
                a, b = shingles[i], shingles[j]
                if len(a & b) >= SIMILAR * len(a | b):
                    groups.join(i, j)
                    break
    return [groups.find(i) for i in range(len(texts))]


def folds(groups: Sequence[int], k: int, labels: Sequence[bool] | None = None) -> list[int]:
    """Assign each item to one of ``k`` folds, whole groups together, sizes kept even.

    Groups are placed largest first into the fold that has the fewest items of the group's
    kind so far (with ``labels``: spam for a group holding any spam, else not-spam), so every
    fold gets its share of both kinds. The answer depends only on the arguments.
    """
    members: dict[int, list[int]] = defaultdict(list)
    for i, group in enumerate(groups):
        members[group].append(i)
    sizes = {True: [0] * k, False: [0] * k}
    fold_of = [0] * len(groups)
    for _, items in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        kind = labels is not None and any(labels[i] for i in items)
        fold = min(range(k), key=lambda f: (sizes[kind][f], f))
        sizes[kind][fold] += len(items)
        for i in items:
            fold_of[i] = fold
    return fold_of
