"""Search snippets and highlights (pure functions), and listing cursors."""

from datetime import UTC, datetime

import pytest

from broadsheet.core.pagination import Cursor
from broadsheet.site.highlight import highlight, match_spans, snippet, stream_text


def test_highlight_marks_whole_words_starting_with_a_term_ignoring_case_and_accents():
    assert highlight("Bridges, a bridge and Cambridge", ["bridge"]) == (
        "<mark>Bridges</mark>, a <mark>bridge</mark> and Cambridge"
    )
    assert highlight("Café Mørk, CAFÉ", ["cafe"]) == "<mark>Café</mark> Mørk, <mark>CAFÉ</mark>"
    assert highlight("Straße", ["strasse"]) == "<mark>Straße</mark>"


def test_highlight_escapes_html_around_and_inside_marks():
    assert highlight("<b>Tom & Jerry</b>", ["tom", "b"]) == (
        "&lt;<mark>b</mark>&gt;<mark>Tom</mark> &amp; Jerry&lt;/<mark>b</mark>&gt;"
    )
    assert highlight("x<script>", []) == "x&lt;script&gt;"


def test_scripts_without_spaces_are_matched_inside_words():
    assert highlight("新港口开放了", ["港口"]) == "新<mark>港口</mark>开放了"
    assert match_spans("Бреннок и Бреннока", ["бреннок"]) == [(0, 7), (10, 18)]


def test_overlapping_terms_give_one_mark():
    assert highlight("river sallow", ["river", "riv", "sallow"]) == (
        "<mark>river</mark> <mark>sallow</mark>"
    )


def test_snippet_centres_on_the_first_match_and_cuts_at_spaces():
    text = " ".join(f"word{i}" for i in range(100)) + " harbour " + "tail " * 50
    result = snippet(text, ["harbour"], width=120)
    assert result.startswith("…word") and result.endswith("…")
    assert "<mark>harbour</mark>" in result
    assert len(result) < 150
    assert snippet("short text", ["none"]) == "short text"
    assert snippet(text, ["absent"], width=40).startswith("word0 word1")


def test_stream_text_reads_raw_blocks_without_lookups():
    raw = [
        {"type": "paragraph", "value": "<p>One <b>two</b></p>"},
        {"type": "subheading", "value": "Three"},
        {"type": "quote", "value": {"text": "Four", "attribution": "Five"}},
        {"type": "image", "value": {"image": 99, "caption": "Six"}},
        {"type": "fact_box", "value": {"title": "Seven", "body": "<ul><li>Eight</li></ul>"}},
        {"type": "related", "value": {"article": 3}},
    ]
    assert stream_text(raw).split() == ["One", "two", "Three", "Four", "Six", "Seven", "Eight"]


def test_cursor_round_trips_to_the_microsecond():
    cursor = Cursor(datetime(2026, 11, 29, 15, 4, 5, 123456, tzinfo=UTC), 4321)
    assert Cursor.decode(cursor.encode()) == cursor
    assert cursor.encode() == "1795964645123456-4321"


@pytest.mark.parametrize("value", ["", "1", "a-1", "1-", "-", "1-2-3", "1.5-2", "9" * 21 + "-1"])
def test_cursor_rejects_malformed_values(value):
    with pytest.raises(ValueError):
        Cursor.decode(value)
