"""Highlighted search snippets, made in Python so every search backend shows the same marks.

Matching ignores case and accents ("cafe" marks "Café"), marks whole words that start with a
search term ("bridge" marks "bridges", as a stemming backend would have matched), and in scripts
written without spaces (Chinese, Japanese, Thai) marks the term wherever it occurs.
"""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from broadsheet.core.reading_time import html_to_text

_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
ELLIPSIS = "…"


def fold(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded ``text``, and for each folded character its index in ``text``."""
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        decomposed = unicodedata.normalize("NFKD", char)
        base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        folded.append(base)
        origin.extend([index] * len(base))
    return "".join(folded), origin


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    folded = sorted({fold(term)[0] for term in terms if term.strip()}, key=len, reverse=True)
    parts = [
        re.escape(term) if _UNSPACED.search(term) else rf"(?<!\w){re.escape(term)}\w*"
        for term in folded
        if term
    ]
    return re.compile("|".join(parts)) if parts else None


def match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of ``text`` that match a term, in order, not overlapping."""
    pattern = _pattern(terms)
    if pattern is None or not text:
        return []
    folded, origin = fold(text)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(folded):
        if match.end() == match.start():
            continue
        start, end = origin[match.start()], origin[match.end() - 1] + 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _render(text: str, spans: Sequence[tuple[int, int]], start: int, end: int) -> str:
    out, position = [], start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start >= span_end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """The whole of ``text``, HTML-escaped, with matching words wrapped in ``<mark>``."""
    return mark_safe(_render(text, match_spans(text, terms), 0, len(text)))  # noqa: S308


def snippet(text: str, terms: Iterable[str], *, width: int = 220) -> SafeString:
    """About ``width`` characters of ``text`` around the first match, highlighted.

    Without a match, the opening of the text. Cuts fall on spaces and are marked with "…".
    """
    text = " ".join(text.split())
    spans = match_spans(text, terms)
    if len(text) <= width:
        return mark_safe(_render(text, spans, 0, len(text)))  # noqa: S308
    start = 0
    if spans:
        start = max(0, spans[0][0] - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < spans[0][0] else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    body = _render(text, spans, start, end)
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308


def stream_text(raw_blocks: Iterable[dict[str, Any]]) -> str:
    """The readable text of an article body's raw StreamField data (no database lookups)."""
    parts: list[str] = []
    for block in raw_blocks:
        kind, value = block.get("type"), block.get("value")
        if kind == "paragraph" and isinstance(value, str):
            parts.append(html_to_text(value))
        elif kind == "subheading" and isinstance(value, str):
            parts.append(value)
        elif kind == "quote" and isinstance(value, dict):
            parts.append(str(value.get("text") or ""))
        elif kind == "fact_box" and isinstance(value, dict):
            parts.append(str(value.get("title") or ""))
            parts.append(html_to_text(str(value.get("body") or "")))
        elif kind == "image" and isinstance(value, dict):
            parts.append(str(value.get("caption") or ""))
    return " ".join(part for part in parts if part)
