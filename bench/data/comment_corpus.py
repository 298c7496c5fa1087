"""A labelled set of reader comments for the spam-filter benchmark, written for Broadsheet.

Every sentence here was written for this corpus; the places and people are the fictional
Brennock on the River Sallow. Comments are generated, with a fixed seed, from *families*:
a family is a few lists of interchangeable sentence parts (see ``ham_families.py`` and
``spam_families.py``) whose slots (``{street}``, ``{site}``, ...) are filled from the word
lists below. Spam is sometimes disguised (leetspeak, spaced letters, look-alike letters,
invisible characters, full-width forms) and both classes get typos, so that the two are not
told apart by surface tricks. ``split()`` holds out whole families, never single rows, so a
near-duplicate of a test comment is never in the training set.

    from bench.data.comment_corpus import build, split
    train, test = split(build())
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from bench.data.ham_families import HAM_FAMILIES
from bench.data.spam_families import SPAM_FAMILIES

SEED = 20260
PER_FAMILY = 20

SLOTS: dict[str, list[str]] = {
    "street": [
        "Mill Lane",
        "Quay Street",
        "Tanner's Row",
        "Castle Hill",
        "Sallow Road",
        "Abbey Walk",
        "the Ropewalk",
        "Fenwick Street",
        "Orchard Way",
        "Bridge End",
        "Northfield Road",
    ],
    "place": [
        "Sallow Bridge",
        "the market hall",
        "Northgate",
        "Kelder Park",
        "the old brewery",
        "the leisure centre",
        "Harrowby",
        "the harbour",
        "Northfield",
        "the bus station",
        "Westreach Hospital",
        "St Aidan's",
    ],
    "name": [
        "Marjorie",
        "Tom",
        "Priya",
        "Dai",
        "Joanne",
        "Kwame",
        "Fiona",
        "Rob",
        "Aled",
        "Siobhan",
        "Marek",
        "Hannah",
        "Geoff",
        "Bernadette",
        "Olu",
    ],
    "councillor": ["Cllr Pendry", "Cllr Okafor", "Cllr Waddell", "the mayor", "Cllr Fairlie"],
    "reporter": ["Ms Achterberg", "the reporter", "Ruth", "Mr Bellamy", "your reporter"],
    "team": ["Brennock Town", "the Sallow Rovers", "Harrowby Athletic", "the under-twelves"],
    "school": ["Northgate Primary", "St Aidan's", "Brennock Academy", "Kelder Park Infants"],
    "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "month": ["January", "March", "April", "June", "August", "October", "November"],
    "year": ["1968", "1974", "1983", "1990", "1997", "2003", "2007", "2012"],
    "num": ["two", "three", "four", "six", "ten", "twelve", "twenty", "forty"],
    "pounds": ["£2.40", "£15", "£120", "£3", "£40", "£250", "£1.80", "£600"],
    "link": [
        "https://www.brennock.gov.uk/planning/search",
        "https://council.example.org/committees/housing-scrutiny",
        "https://www.sallowrivertrust.org.uk/flood-levels",
        "https://www.westreachbuses.co.uk/timetables",
        "https://en.wikipedia.org/wiki/River_flooding",
        "http://www.brennockhistory.org.uk/photos/quay",
        "https://www.youtube.com/watch?v=q3Rx81Lmw0s",
        "https://www.metoffice.gov.uk/weather/warnings",
        "brennockfoodbank.org.uk",
    ],
    "money": ["$4,870", "$350", "$12,000", "$920", "£3,400", "$7,250", "£480", "$15,600"],
    "hours": ["2 hours", "3 hours", "90 minutes", "a few hours", "4 hours"],
    "spamname": [
        "Mrs Evelyn Carter",
        "Mr Daniel Harper",
        "Dr Lucas Bennet",
        "Sophia Grant",
        "Mr Kelvin James",
        "Linda Morales",
        "Agent Victor",
    ],
    "contact": [
        "WhatsApp +1 (347) 555 0198",
        "Telegram @profitmentor_01",
        "WhatsApp +44 7700 900412",
        "recovery.expert@protonmail.example",
        "Telegram @cryptoking_fx",
    ],
}

_SITE_WORDS = {
    "seo": ["rank", "seo", "backlink", "traffic", "web", "digital", "roofing", "plumber"],
    "crypto": ["crypto", "bitcoin", "coin", "profit", "trade", "fx", "invest", "wallet"],
    "casino": ["casino", "slots", "spin", "bet", "jackpot", "poker", "win", "play"],
    "pharma": ["pills", "rx", "meds", "pharma", "health", "slim", "keto", "viagra"],
    "loans": ["loan", "cash", "credit", "payday", "money", "fund", "lend", "finance"],
    "wfh": ["job", "work", "earn", "income", "home", "career", "cash", "online"],
    "giveaway": ["prize", "gift", "reward", "winner", "claim", "promo", "free", "bonus"],
    "shop": ["shop", "replica", "watch", "outlet", "store", "deal", "sale", "fashion"],
    "social": ["followers", "likes", "fame", "social", "insta", "boost", "viral", "grow"],
    "dating": ["date", "singles", "love", "match", "meet", "chat", "flirt", "hot"],
}
_SITE_PREFIXES = ["best", "top", "easy", "fast", "my", "the", "pro", "smart", "global", "real"]
_TLDS = [".com", ".net", ".xyz", ".shop", ".biz", ".online", ".info", ".top", ".co", ".site"]


@dataclass(frozen=True)
class Comment:
    text: str
    is_spam: bool
    family: str  # "topic/variant"

    @property
    def topic(self) -> str:
        return self.family.split("/")[0]


def _site(rng: random.Random, topic: str) -> str:
    words = _SITE_WORDS.get(topic) or [w for ws in _SITE_WORDS.values() for w in ws]
    name = rng.choice(_SITE_PREFIXES) + rng.choice(["", "-"]) + rng.choice(words)
    host = name + rng.choice(["", str(rng.randint(1, 99)), "-" + rng.choice(words)])
    url = host + rng.choice(_TLDS)
    style = rng.random()
    if style < 0.4:
        return (
            "https://"
            + url
            + rng.choice(["", "/", "/offer", "/go?ref=" + str(rng.randint(1, 999))])
        )
    if style < 0.6:
        return "www." + url
    return url


def _fill(template: str, rng: random.Random, topic: str) -> str:
    def slot(match: re.Match[str]) -> str:
        key = match.group(1)
        return _site(rng, topic) if key == "site" else rng.choice(SLOTS[key])

    return re.sub(r"\{(\w+)\}", slot, template)


_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
_LOOK = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і", "y": "у"}
_WIDE = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def _disguise(text: str, rng: random.Random) -> str:
    """Obfuscate a spam comment the way spammers do, one trick per comment."""
    words = text.split(" ")
    long_words = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not long_words:
        return text
    targets = rng.sample(long_words, k=min(len(long_words), rng.randint(1, 4)))
    trick = rng.choice(["leet", "spaced", "look", "zero", "wide", "dots"])
    for i in targets:
        w = words[i]
        if trick == "leet":
            words[i] = "".join(_LEET.get(c, c) if rng.random() < 0.6 else c for c in w)
        elif trick == "spaced":
            words[i] = " ".join(w.upper())
        elif trick == "look":
            words[i] = "".join(_LOOK.get(c, c) if rng.random() < 0.7 else c for c in w)
        elif trick == "zero":
            words[i] = "\u200b".join(w)
        elif trick == "wide":
            words[i] = "".join(_WIDE.get(c, c) for c in w)
        else:
            words[i] = ".".join(w)
    return " ".join(words)


def _typo(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(max(1, len(chars) - 1))
        if chars[i].isalpha() and chars[i + 1 : i + 2] and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def _family_comments(
    name: str, parts: list[list[str]], is_spam: bool, rng: random.Random
) -> list[Comment]:
    topic = name.split("/")[0]
    seen: set[str] = set()
    out: list[Comment] = []
    for _attempt in range(PER_FAMILY * 20):
        if len(out) == PER_FAMILY:
            break
        chosen = [rng.choice(alternatives) for alternatives in parts]
        text = " ".join(part for part in chosen if part != "-")
        text = _fill(text, rng, topic)
        if is_spam and rng.random() < 0.3:
            text = _disguise(text, rng)
        if rng.random() < 0.15:
            text = _typo(text, rng)
        if text not in seen:
            seen.add(text)
            out.append(Comment(text, is_spam, name))
    return out


def build(seed: int = SEED) -> list[Comment]:
    """Every comment of every family, in a fixed order for a given seed."""
    rng = random.Random(seed)
    comments: list[Comment] = []
    for families, is_spam in ((HAM_FAMILIES, False), (SPAM_FAMILIES, True)):
        for name, parts in families.items():
            comments.extend(_family_comments(name, parts, is_spam, rng))
    return comments


def split(
    comments: list[Comment], *, test_share: float = 1 / 3, seed: int = SEED
) -> tuple[list[Comment], list[Comment]]:
    """Hold out about ``test_share`` of each topic's families (whole families, never rows)."""
    rng = random.Random(seed)
    by_topic: dict[tuple[bool, str], list[str]] = {}
    for comment in comments:
        families = by_topic.setdefault((comment.is_spam, comment.topic), [])
        if comment.family not in families:
            families.append(comment.family)
    held_out: set[str] = set()
    for families in by_topic.values():
        shuffled = sorted(families)
        rng.shuffle(shuffled)
        held_out.update(shuffled[: round(len(shuffled) * test_share)])
    train = [c for c in comments if c.family not in held_out]
    test = [c for c in comments if c.family in held_out]
    return train, test
