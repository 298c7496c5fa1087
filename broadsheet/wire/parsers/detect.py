"""Which format an answer is in, and the parser for each format."""

import json
import re

from broadsheet.wire.parsers.base import ParsedItem, ParseError
from broadsheet.wire.parsers.feeds import parse_feed, parse_jsonfeed
from broadsheet.wire.parsers.newsml import NAR, parse_newsml
from broadsheet.wire.parsers.ninjs import parse_ninjs

# The first element of an XML document, after any declaration, comments and doctype.
FIRST_ELEMENT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s>/]")
XML_PROLOGUE = re.compile(rb"\s*(<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>|\s)*", re.S)


def detect(data: bytes) -> str:
    """``rss``, ``atom``, ``jsonfeed``, ``ninjs`` or ``newsml-g2``; :class:`ParseError` if none."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        document = _json(data)
        if isinstance(document, dict) and "jsonfeed.org" in str(document.get("version", "")):
            return "jsonfeed"
        return "ninjs"
    prologue = XML_PROLOGUE.match(head)
    match = FIRST_ELEMENT.match(head, prologue.end() if prologue else 0)
    if match is None:
        raise ParseError("Neither JSON nor XML")
    name = match.group(2).decode()
    if name in ("rss", "RDF"):
        return "rss"
    if name == "feed":
        return "atom"
    if name in ("newsItem", "packageItem", "newsMessage") and NAR.encode() in head[:4096]:
        return "newsml-g2"
    raise ParseError(f"An XML document of no format we read: <{name}>")


def parse(data: bytes, format: str = "auto") -> tuple[str, list[ParsedItem]]:
    """The format (detected when ``auto``) and the items of ``data``."""
    if format == "auto":
        format = detect(data)
    if format in ("rss", "atom"):
        return format, parse_feed(data)
    if format == "jsonfeed":
        document = _json(data)
        if not isinstance(document, dict):
            raise ParseError("A JSON Feed must be a JSON object")
        return format, parse_jsonfeed(document)
    if format == "ninjs":
        return format, parse_ninjs(_json(data))
    if format == "newsml-g2":
        return format, parse_newsml(data)
    raise ParseError(f"Unknown format {format!r}")


def _json(data: bytes) -> object:
    try:
        return json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ParseError(f"Malformed JSON: {error}") from error
