"""The pure parts: ISO durations, safe script embedding, word counts, news languages."""

import json

import pytest
from bs4 import BeautifulSoup

from broadsheet.core.reading_time import count_words
from broadsheet.feeds.sitemaps import news_language
from broadsheet.metadata.jsonld import iso_duration, json_ld_script


@pytest.mark.parametrize(
    ("minutes", "duration"),
    [(0, "PT0M"), (1, "PT1M"), (4, "PT4M"), (59, "PT59M"), (60, "PT1H"), (75, "PT1H15M")],
)
def test_reading_time_as_iso_8601_duration(minutes, duration):
    assert iso_duration(minutes) == duration


@pytest.mark.parametrize(
    "text",
    ["</script><script>alert(1)</script>", "<!-- <script>", "Fish & chips", "‘quotes’ \u2028"],
)
def test_json_ld_script_round_trips_without_closing_its_element(text):
    html = str(json_ld_script({"headline": text}))
    assert html.count("</script>") == 1 and html.endswith("</script>")
    assert "<!--" not in html and "&" not in html.removeprefix(
        '<script type="application/ld+json">'
    )
    script = BeautifulSoup(html, "html.parser").script
    assert script["type"] == "application/ld+json"
    assert json.loads(script.string) == {"headline": text}


@pytest.mark.parametrize(
    ("texts", "words"),
    [
        (["<p>Crews worked <b>through</b> the night.</p>", "Bridge"], 6),
        (["<p>one</p><p>two</p>", "H<sub>2</sub>O -- …"], 3),
        (["市议会今天开会"], 7),
        (["Der Vorstand 会议 hat"], 5),
    ],
)
def test_word_count_counts_words_and_cjk_characters(texts, words):
    assert count_words(texts) == words


@pytest.mark.parametrize(
    ("code", "expected"),
    [("en", "en"), ("en-gb", "en"), ("de", "de"), ("zh-hans", "zh-cn"), ("zh-hant", "zh-tw")],
)
def test_news_sitemap_language_codes(code, expected):
    assert news_language(code) == expected
