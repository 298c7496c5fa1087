"""Turning what a source answers into :class:`~broadsheet.wire.parsers.base.ParsedItem` values.

Pure code: bytes in, frozen dataclasses out, no database. :func:`parse` picks the parser by
the source's format, or detects it from the answer (``detect.py``).
"""

from broadsheet.wire.parsers.base import ParsedItem, ParseError, Picture
from broadsheet.wire.parsers.detect import detect, parse

__all__ = ["ParseError", "ParsedItem", "Picture", "detect", "parse"]
