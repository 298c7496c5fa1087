"""What the spam filter looks at in a comment: hashed features of its text and its writer.

Text. A text is normalised (Unicode NFKC, casefold, invisible format characters dropped) and
split into words. Each word is also *folded*: accents removed, and - only in words that contain
a Latin letter - Cyrillic/Greek look-alikes and leetspeak digits mapped to Latin letters
("v1agra" -> "viagra", Cyrillic "саsino" -> "casino"); a fold leaves a marker feature. Runs of
three or more single letters are joined ("f r e e" -> "free"). From that come word unigrams and
bigrams, character 3-, 4- and 5-grams of the folded text, one feature per link (the host, its
registrable part and its top-level domain), the shape of long numbers (phone numbers and short
codes: how many digits, not which), and a few shape features (link count, share of capitals,
exclamation marks, currency signs, length).

Writer. Never who they are, only what kind of record and address they have: whether they were
signed in, how many of their earlier comments were approved, marked spam or rejected (in
buckets), whether a name or an email address was given, the name's length in words and whether
it holds digits or a web address, the email address's top-level domain, how many digits its
local part holds and whether the name appears in it. No name, address or account number is
ever a feature, so the stored weights say nothing about any one person.

Every feature string is hashed (CRC-32) into one of :data:`BUCKETS` buckets, and a comment is
the *set* of its buckets: repeating a word adds no evidence, and a model can never hold more
than :data:`BUCKETS` weights.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

from broadsheet.comments import lookalikes

BUCKETS = 1 << 18
# Character n-grams come from the first this many characters of the folded words: they cost
# most, and a long comment has shown what it is by then. Words and links count in full.
CHAR_GRAMS_FROM = 3000
_MASK = BUCKETS - 1
_CHAR_SEED = zlib.crc32(b"c:")

_INVISIBLE = {"Cf", "Cc", "Co", "Cs"}
_UNUSUAL = re.compile(r"[^\x20-\x7e\n\t]")  # anything but printable ASCII may be invisible
_WORD_RE = re.compile(r"[\w@$£€]+")
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'()\[\]]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b(?:/[^\s<>\"']*)?"
)
_NUMBER_RE = re.compile(r"\d[\d ]{3,}\d")
# Only the symbols a word can hold here (_WORD_RE) that stand for a letter.
_LEET = str.maketrans({**lookalikes.DIGITS, "@": "a", "$": "s"})
_LOOKALIKES = str.maketrans(lookalikes.LETTERS)
_LOOKALIKE_CHARS = frozenset(lookalikes.LETTERS)
_CURRENCY = frozenset("$£€¥₹")


@dataclass(frozen=True)
class Comment:
    """One comment as the filter sees it. History counts the writer's *earlier* comments."""

    text: str
    name: str = ""
    email: str = ""
    signed_in: bool = False
    approved_before: int = 0
    spam_before: int = 0
    rejected_before: int = 0


@dataclass(frozen=True)
class Features:
    """A comment's buckets: those of its text (weighed by 1/sqrt(len)) and of its writer."""

    text: tuple[int, ...]
    writer: tuple[int, ...] = ()


def _buckets(feats: set[str]) -> set[int]:
    crc = zlib.crc32
    return {crc(feature.encode("utf-8")) & _MASK for feature in feats}


def _char_grams(joined: str) -> set[int]:
    """Buckets of the character 3-, 4- and 5-grams, hashed as ``"c:" + gram``.

    CRC-32 continued from the prefix's CRC equals that of the whole string, so no string is
    built per gram; plain ASCII (most comments) is sliced as bytes.
    """
    crc, seed, mask = zlib.crc32, _CHAR_SEED, _MASK
    data: str | bytes = joined.encode() if joined.isascii() else joined
    if isinstance(data, bytes):
        return {
            crc(data[i : i + n], seed) & mask for n in (3, 4, 5) for i in range(len(data) - n + 1)
        }
    return {
        crc(data[i : i + n].encode("utf-8"), seed) & mask
        for n in (3, 4, 5)
        for i in range(len(data) - n + 1)
    }


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    if not _UNUSUAL.search(text):
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) not in _INVISIBLE or ch in "\n\t")


def _fold(word: str) -> tuple[str, str | None]:
    """Return the word with accents, look-alikes and leetspeak undone, and why it changed."""
    if word.isascii():
        bare = word
    else:
        decomposed = unicodedata.normalize("NFKD", word)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not any("a" <= ch <= "z" for ch in bare):
        return word, None
    if _LOOKALIKE_CHARS.intersection(bare):
        return bare.translate(_LOOKALIKES).translate(_LEET), "mixed-script"
    leet = bare.translate(_LEET)
    if leet != bare and not any(ch.isdigit() for ch in leet):
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


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    return sum(value >= edge for edge in edges)


def link_hosts(text: str) -> list[str]:
    """The host of every link in ``text`` (lower case, without ``www.`` or a port)."""
    hosts = []
    for link in _URL_RE.findall(_normalise(text)):
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link).split("/")[0].split(":")[0]
        hosts.append(host.strip("."))
    return [host for host in hosts if host]


def site_of(host: str) -> str:
    """The registrable part of a host, near enough: ``news.example.co.uk`` -> ``example.co.uk``.

    Without a public-suffix list: a two-letter country domain under a short second level
    (``co``, ``org``, ``ac``, ...) keeps three labels, anything else two.
    """
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def long_numbers(text: str) -> list[str]:
    """Runs of five or more digits (spaces inside allowed): phone numbers, short codes."""
    return [re.sub(r"\D", "", number) for number in _NUMBER_RE.findall(text)]


def _text_buckets(text: str) -> set[int]:
    norm = _normalise(text)
    words, markers = _words(norm)
    feats = {f"x:{marker}" for marker in markers}
    feats.update(f"w:{word}" for word in words)
    feats.update(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    hosts = link_hosts(text)
    for host in hosts:
        tld = host.rsplit(".", 1)[-1]
        feats.update({"u:link", f"d:{host}", f"r:{site_of(host)}", f"t:{tld}"})
    for number in long_numbers(norm):
        feats.add(f"n:{min(len(number), 12)}")
    letters = sum(map(str.isalpha, text))
    caps = sum(map(str.isupper, text)) / letters if letters else 0.0
    feats.add(f"s:links={min(len(hosts), 3)}")
    feats.add(f"s:caps={_bucket(caps, (0.3, 0.6))}")
    feats.add(f"s:bang={min(text.count('!'), 3)}")
    feats.add(f"s:money={min(sum(ch in _CURRENCY for ch in text), 2)}")
    feats.add(f"s:len={_bucket(len(words), (5, 20, 60))}")
    return _buckets(feats) | _char_grams(f" {' '.join(words)} "[:CHAR_GRAMS_FROM])


def _count(n: int) -> str:
    return str(_bucket(n, (1, 2, 5, 20)))


def _writer_features(comment: Comment) -> set[str]:
    name = _normalise(comment.name).strip()
    local, _, domain = comment.email.strip().lower().rpartition("@")
    feats = {
        f"a:signed-in={comment.signed_in}",
        f"a:approved={_count(comment.approved_before)}",
        f"a:spam={_count(comment.spam_before)}",
        f"a:rejected={_count(comment.rejected_before)}",
        f"a:name-words={min(len(name.split()), 4)}",
        f"a:name-digits={any(ch.isdigit() for ch in name)}",
        f"a:name-link={bool(_URL_RE.search(name))}",
        f"a:email={bool(domain)}",
    }
    if domain:
        digits = sum(ch.isdigit() for ch in local)
        feats.add(f"a:email-tld={domain.rsplit('.', 1)[-1][:12]}")
        feats.add(f"a:email-digits={_bucket(digits, (1, 3, 6))}")
        parts = [part for part in re.split(r"\W+", name) if len(part) >= 3]
        feats.add(f"a:name-in-email={any(part in local for part in parts)}")
    return feats


def features(comment: Comment | str) -> Features:
    """The hashed buckets of a comment (or of a bare text, with no writer); never empty."""
    if isinstance(comment, str):
        return Features(text=tuple(sorted(_text_buckets(comment))))
    return Features(
        text=tuple(sorted(_text_buckets(comment.text))),
        writer=tuple(sorted(_buckets(_writer_features(comment)))),
    )
