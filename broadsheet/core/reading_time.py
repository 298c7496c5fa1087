"""Estimate how many minutes an article takes to read.

The estimate is built from three kinds of reading unit, each read at its own speed:

* **words** -- runs of letters or digits separated by whitespace. This covers every script that
  puts spaces between words: Latin, Cyrillic, Greek, Arabic, Hebrew, Korean Hangul and so on.
  A run with no letter or digit in it ("--", "...", a lone emoji) is not a word.
* **Chinese characters** -- Han ideographs, each counted on its own, because Chinese is written
  without spaces between words.
* **Japanese characters** -- Hiragana and Katakana, each counted on its own, plus the Han
  characters (kanji) of any passage that also contains kana.

Han characters are shared by Chinese and Japanese, so they are attributed per *passage* (one
string handed to :func:`count_units`, i.e. one rich-text block or field of an article): when the
passage contains at least one kana character its Han characters are Japanese, otherwise they
are Chinese. A Japanese passage written entirely in kanji, such as a short headline, is therefore
counted as Chinese; at these rates that changes the estimate by a few seconds at most. Han and kana
characters also end a word, so mixed text such as ``"Der Vorstand 会议 hat"`` reads as three
words and two Chinese characters. Scripts that neither use spaces nor are Chinese or Japanese
(Thai, Lao, Khmer, ...) are counted as one word per space-separated run, which underestimates
them.

The reading time adds up the seconds each kind of unit takes at its rate, plus extra seconds
for images, and rounds *up* to whole minutes, with a minimum of one minute. The sum is computed
with exact fractions, so 238 words at 238 words per minute is exactly one minute and 239 words
is two. HTML is reduced to text first: tags are dropped, entities decoded, block elements and
``<br>`` separate words, and the contents of ``<script>``, ``<style>``, ``<template>`` and
comments are ignored.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from html import unescape

from bs4 import BeautifulSoup

# Brysbaert (2019), "How many words do we read per minute? A review and meta-analysis of reading
# rate", Journal of Memory and Language 109: silent reading of English non-fiction by adults
# averages about 238 words per minute.
DEFAULT_WORDS_PER_MINUTE = 238

# Trauzettel-Klosinski, Dietz et al. (2012), "Standardized Assessment of Reading Performance: The
# New International Reading Speed Texts IReST", Investigative Ophthalmology & Visual Science
# 53(9): Chinese 255 +/- 29 characters per minute, Japanese 357 +/- 56 characters per minute.
CHINESE_CHARS_PER_MINUTE = 255
JAPANESE_CHARS_PER_MINUTE = 357

# Medium's published reading-time rule, also used by Ghost's reading-time helper: the first image
# adds 12 seconds, each following image one second less, and no image less than 3 seconds.
FIRST_IMAGE_SECONDS = 12
MIN_IMAGE_SECONDS = 3

# Han ideographs: CJK Unified Ideographs and Extension A, the compatibility ideographs, the
# supplementary-plane extensions (B onwards), plus the ideographic iteration mark, closing mark,
# number zero and the Hangzhou numerals.
_HAN = (
    "\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0003ffff"
)
# Kana letters: Hiragana, Katakana (without the middle dot), the phonetic extensions, half-width
# Katakana and the historic kana of the Kana Supplement and Extended blocks.
_KANA = "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f" + (
    "\U0001b000-\U0001b16f"
)
_HAN_RE = re.compile(f"[{_HAN}]")
_KANA_RE = re.compile(f"[{_KANA}]")
_WORD_BREAK_RE = re.compile(rf"[\s{_HAN}{_KANA}]+")

# Elements that separate the words around them when rendered.
_BREAKING_TAGS = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt embed fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr img li main nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul".split()
)


@dataclass(frozen=True, slots=True)
class TextCount:
    """The reading units found in a passage of plain text.

    ``words`` counts whitespace-delimited words, ``chinese_chars`` Han characters of passages
    without kana, and ``japanese_chars`` kana plus the Han characters of passages with kana.
    """

    words: int = 0
    chinese_chars: int = 0
    japanese_chars: int = 0

    def __add__(self, other: TextCount) -> TextCount:
        """Return the field-by-field sum of two counts."""
        return TextCount(
            self.words + other.words,
            self.chinese_chars + other.chinese_chars,
            self.japanese_chars + other.japanese_chars,
        )


def html_to_text(html: str) -> str:
    """Return the readable text of an HTML fragment.

    Tags are removed and entities decoded (``&nbsp;`` becomes a no-break space, which still
    separates words). Block-level elements and ``<br>`` are surrounded by spaces so that
    ``<p>one</p><p>two</p>`` stays two words, while inline markup joins its neighbours, so
    ``H<sub>2</sub>O`` stays one. Text without a ``<`` only has its entities decoded.
    """
    if "<" not in html:
        return unescape(html)
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(_BREAKING_TAGS):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return soup.get_text()


def count_units(text: str) -> TextCount:
    """Count the words, Chinese characters and Japanese characters in one passage of plain text.

    The whole of ``text`` is one passage for attributing Han characters: if it contains any kana,
    its Han characters count as Japanese, otherwise as Chinese. See the module documentation.
    """
    han = len(_HAN_RE.findall(text))
    kana = len(_KANA_RE.findall(text))
    words = sum(1 for run in _WORD_BREAK_RE.split(text) if any(char.isalnum() for char in run))
    if kana:
        return TextCount(words=words, japanese_chars=kana + han)
    return TextCount(words=words, chinese_chars=han)


def count_words(texts: Iterable[str]) -> int:
    """Return the words in ``texts`` (plain text or HTML), as ``schema.org``'s ``wordCount``.

    Words are counted as :func:`count_units` counts them; each Chinese or Japanese character
    counts as one word, since those scripts are read character by character.
    """
    total = TextCount()
    for text in texts:
        total += count_units(html_to_text(text))
    return total.words + total.chinese_chars + total.japanese_chars


def image_seconds(count: int) -> int:
    """Return the seconds added for ``count`` images.

    The first image adds 12 seconds and each next one a second less, down to a floor of 3
    seconds per image: 1 image adds 12 s, 2 add 23 s, 10 add 75 s and 11 add 78 s.
    """
    if count < 0:
        raise ValueError(f"image count must not be negative, got {count}")
    tapering = min(count, FIRST_IMAGE_SECONDS - MIN_IMAGE_SECONDS + 1)
    tapered_seconds = tapering * FIRST_IMAGE_SECONDS - tapering * (tapering - 1) // 2
    return tapered_seconds + (count - tapering) * MIN_IMAGE_SECONDS


def reading_time_minutes(
    texts: Iterable[str],
    *,
    image_count: int = 0,
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE,
    chinese_chars_per_minute: int = CHINESE_CHARS_PER_MINUTE,
    japanese_chars_per_minute: int = JAPANESE_CHARS_PER_MINUTE,
) -> int:
    """Return the whole minutes, at least one, needed to read ``texts`` and look at the images.

    Each item of ``texts`` is a passage of plain text or an HTML fragment; it goes through
    :func:`html_to_text` and is counted by :func:`count_units` on its own. The seconds of every
    kind of unit at its rate, plus :func:`image_seconds`, are summed exactly and rounded up.

    Raises :class:`ValueError` if a rate is not positive or ``image_count`` is negative.
    """
    extra_seconds = image_seconds(image_count)

    total = TextCount()
    for text in texts:
        total += count_units(html_to_text(text))
    return minutes_for(
        total,
        extra_seconds=extra_seconds,
        words_per_minute=words_per_minute,
        chinese_chars_per_minute=chinese_chars_per_minute,
        japanese_chars_per_minute=japanese_chars_per_minute,
    )


def minutes_for(
    total: TextCount,
    *,
    extra_seconds: int = 0,
    words_per_minute: int = DEFAULT_WORDS_PER_MINUTE,
    chinese_chars_per_minute: int = CHINESE_CHARS_PER_MINUTE,
    japanese_chars_per_minute: int = JAPANESE_CHARS_PER_MINUTE,
) -> int:
    """Whole minutes, at least one, for units already counted (see :func:`reading_time_minutes`).

    Raises :class:`ValueError` if a rate is not positive.
    """
    rates = {
        "words_per_minute": words_per_minute,
        "chinese_chars_per_minute": chinese_chars_per_minute,
        "japanese_chars_per_minute": japanese_chars_per_minute,
    }
    for name, rate in rates.items():
        if rate <= 0:
            raise ValueError(f"{name} must be positive, got {rate}")
    seconds = (
        Fraction(total.words * 60, words_per_minute)
        + Fraction(total.chinese_chars * 60, chinese_chars_per_minute)
        + Fraction(total.japanese_chars * 60, japanese_chars_per_minute)
        + extra_seconds
    )
    return max(1, math.ceil(seconds / 60))
