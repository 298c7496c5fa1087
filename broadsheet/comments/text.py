"""Pure helpers for comment text and names: rendering, normalising, hashing identities."""

import functools
import re
import unicodedata

import nh3
from django.utils.crypto import salted_hmac
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

from broadsheet.comments import lookalikes

LINK_REL = "nofollow ugc noopener"
_ALLOWED_TAGS = {"p", "br", "a"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}
_URL_SCHEMES = {"http", "https"}
_HREFLESS_ANCHOR = re.compile(rf'<a rel="{LINK_REL}">(.*?)</a>', re.DOTALL)


def render_text(text: str) -> SafeString:
    """Plain text to safe HTML: paragraphs, line breaks and links for bare URLs, nothing else.

    Django's ``urlize`` escapes the text and links what looks like a URL; ``linebreaks`` makes
    paragraphs; then nh3 (the Ammonia sanitiser) keeps only ``p``, ``br`` and ``a href`` with an
    http(s) URL and sets ``rel`` on every link, so nothing the reader typed can become markup.
    The result depends on the text alone, so recent answers are kept in memory: a busy article
    shows the same comments to every reader.
    """
    return mark_safe(_kept_render(text))  # noqa: S308 - nh3 output with a three-tag allow-list


def _render(text: str) -> str:
    # strip() returns a plain str even for SafeString input, so equal texts render alike.
    linked = urlize(text.strip(), nofollow=False, autoescape=True)
    html = linebreaks(linked, autoescape=False)
    cleaned = nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )
    # urlize also links email addresses (as mailto:); the scheme allow-list drops the href, so
    # unwrap those anchors back to text.
    return _HREFLESS_ANCHOR.sub(r"\1", cleaned)


_kept_render = functools.lru_cache(maxsize=1024)(_render)


def count_links(text: str) -> int:
    """How many links the rendered comment would hold."""
    return render_text(text).count("<a href=")


_LOOKALIKES = str.maketrans({**lookalikes.LETTERS, **lookalikes.DIGITS})
_SYMBOLS = lookalikes.SYMBOLS
_SYMBOL_IN_WORD = re.compile(r"[@$!|€](?=\w)")


def normalise(text: str) -> str:
    """Fold text so "V1AGRA", "viágra" and "vіagra" (Cyrillic і) all read "viagra".

    NFKC (full-width and ligature forms), casefold, accents stripped, look-alike letters and
    leetspeak mapped to Latin letters. Symbols count as letters only inside or at the start of a
    word, so "hello!" keeps its word boundary.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = _SYMBOL_IN_WORD.sub(lambda m: _SYMBOLS[m.group()], text)
    return text.translate(_LOOKALIKES)


# Characters that reorder or hide text without showing: the bidirectional embeddings, overrides
# and isolates, the left-to-right, right-to-left and Arabic letter marks, the zero-width space,
# non-joiner and joiner, the word joiner and the zero-width no-break space (byte order mark).
_INVISIBLE = dict.fromkeys(
    [0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF]
)
# Control characters, and the Unicode line and paragraph separators.
_CONTROL_CATEGORIES = {"Cc", "Zl", "Zp"}


def has_control_characters(name: str) -> bool:
    """Whether ``name`` holds a line break, a tab or any other control character."""
    return any(unicodedata.category(ch) in _CONTROL_CATEGORIES for ch in name)


def clean_name(name: str) -> str:
    """A commenter's name as it is stored and shown.

    Invisible characters that could reorder the comment's header or hide a difference between
    two names are removed, then NFKC turns full-width letters and ligatures into plain ones, and
    every run of whitespace becomes one space, with none at the ends. Line breaks count as
    whitespace here; callers that refuse them ask :func:`has_control_characters` first.
    """
    return " ".join(unicodedata.normalize("NFKC", name.translate(_INVISIBLE)).split())


def name_key(name: str) -> str:
    """What a name reads as, to tell whether one could be taken for another.

    :func:`clean_name`, then :func:`normalise` (case, accents, look-alike letters, leetspeak),
    keeping letters and digits only: "M0ira  Réed." and "moira reed" have the same key.
    """
    return re.sub(r"[\W_]+", "", normalise(clean_name(name)))


def phrase_pattern(phrase: str) -> re.Pattern:
    """A regex matching the normalised phrase on word boundaries, any whitespace between words."""
    words = normalise(phrase).split()
    body = r"\s+".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w){body}(?!\w)")


def fingerprint(text: str) -> str:
    """A stable key for duplicate detection: normalised words, punctuation and spacing dropped."""
    words = re.findall(r"\w+", normalise(text))
    return salted_hmac("broadsheet.comments.text", " ".join(words), algorithm="sha256").hexdigest()


def hash_ip(ip: str) -> str:
    """A keyed hash of an IP address (HMAC with SECRET_KEY); the address itself is never stored."""
    return (
        salted_hmac("broadsheet.comments.ip", ip or "unknown", algorithm="sha256").hexdigest()
        if ip
        else ""
    )


def hash_guest_key(key: str) -> str:
    return (
        salted_hmac("broadsheet.comments.guest", key, algorithm="sha256").hexdigest() if key else ""
    )
