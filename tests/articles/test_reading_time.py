"""Tests for the reading-time estimate in ``broadsheet.core.reading_time``.

None of these tests touch the database.
"""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadsheet.core.reading_time import (
    CHINESE_CHARS_PER_MINUTE,
    DEFAULT_WORDS_PER_MINUTE,
    JAPANESE_CHARS_PER_MINUTE,
    TextCount,
    count_units,
    html_to_text,
    image_seconds,
    reading_time_minutes,
)


def words(n: int) -> str:
    return " ".join(["word"] * n)


# --- worked examples -------------------------------------------------------------------------


def test_published_rates_are_the_defaults():
    assert DEFAULT_WORDS_PER_MINUTE == 238
    assert CHINESE_CHARS_PER_MINUTE == 255
    assert JAPANESE_CHARS_PER_MINUTE == 357


@pytest.mark.parametrize("texts", [[], [""], ["   \n\t\u00a0 "], ["<p></p>", "&nbsp;"]])
def test_nothing_to_read_takes_one_minute(texts):
    assert reading_time_minutes(texts) == 1


@pytest.mark.parametrize(
    ("word_count", "minutes"),
    [(1, 1), (238, 1), (239, 2), (476, 2), (477, 3), (2380, 10)],
)
def test_words_round_up_to_whole_minutes(word_count, minutes):
    assert reading_time_minutes([words(word_count)]) == minutes


def test_words_spread_over_several_texts_are_added_up():
    assert reading_time_minutes([words(238)]) == 1
    assert reading_time_minutes([words(200), words(38)]) == 1
    assert reading_time_minutes([words(200), words(39)]) == 2


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("caf&eacute;&nbsp;au&nbsp;lait", 3),
        ("<p>one</p><p>two</p>", 2),
        ("one<br>two<br/>three", 3),
        ("<ul><li>a</li><li>b</li></ul><h2>c</h2>", 3),
        ("<p>H<sub>2</sub>O is <em>wet</em></p>", 3),
        ("<p>shown</p><script>var hidden = 1;</script><!-- hidden too -->", 1),
        ("Tom &amp; Jerry", 2),
    ],
)
def test_html_is_read_as_its_visible_words(html, expected):
    assert count_units(html_to_text(html)).words == expected


def test_html_entities_are_decoded():
    assert html_to_text("caf&eacute;&nbsp;au&nbsp;lait") == "café\u00a0au\u00a0lait"
    assert html_to_text("<p>caf&eacute; &lt;b&gt;</p>").strip() == "café <b>"


def test_plain_text_that_looks_like_a_url_passes_through():
    url = "https://example.com/a?x=1&amp;y=2"
    assert html_to_text(url) == "https://example.com/a?x=1&y=2"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Vorstand 会议 hat", TextCount(words=3, chinese_chars=2)),
        ("Привет, мир! Γειά σου", TextCount(words=4)),
        ("مرحبا بالعالم שלום עולם", TextCount(words=4)),
        ("안녕하세요 세계", TextCount(words=2)),
        ("— … 。 ! ?", TextCount()),
        ("don't e-mail 3.14", TextCount(words=3)),
        ("中华人民共和国。", TextCount(chinese_chars=7)),
        ("ひらがな カタカナ", TextCount(japanese_chars=8)),
        ("東京で会議", TextCount(japanese_chars=5)),
        ("Wagtailは東京で", TextCount(words=1, japanese_chars=4)),
    ],
)
def test_units_are_counted_per_script(text, expected):
    assert count_units(text) == expected


def test_han_characters_are_japanese_only_in_passages_with_kana():
    assert count_units("会議") == TextCount(chinese_chars=2)
    assert count_units("会議です") == TextCount(japanese_chars=4)


@pytest.mark.parametrize(("chars", "minutes"), [(255, 1), (256, 2), (510, 2), (511, 3)])
def test_chinese_is_read_at_255_characters_a_minute(chars, minutes):
    assert reading_time_minutes(["字" * chars]) == minutes


@pytest.mark.parametrize(("chars", "minutes"), [(357, 1), (358, 2), (714, 2), (715, 3)])
def test_japanese_kana_is_read_at_357_characters_a_minute(chars, minutes):
    assert reading_time_minutes(["か" * chars]) == minutes


def test_japanese_passage_counts_its_kanji_at_the_japanese_rate():
    assert reading_time_minutes(["か" + "字" * 356]) == 1
    assert reading_time_minutes(["か" + "字" * 357]) == 2


def test_mixed_text_adds_the_time_of_each_script():
    # 119 words take 30 s and 128 Chinese characters take 30.1 s: just over a minute.
    assert reading_time_minutes([words(119) + " " + "字" * 127]) == 1
    assert reading_time_minutes([words(119) + " " + "字" * 128]) == 2


@pytest.mark.parametrize(
    ("count", "seconds"), [(0, 0), (1, 12), (2, 23), (10, 75), (11, 78), (20, 105)]
)
def test_images_add_seconds_tapering_from_12_to_3(count, seconds):
    assert image_seconds(count) == seconds


def test_one_image_pushes_200_words_past_a_minute():
    # 200 words take about 50.4 s; the image adds 12 s.
    assert reading_time_minutes([words(200)]) == 1
    assert reading_time_minutes([words(200)], image_count=1) == 2


def test_images_alone_take_at_least_a_minute():
    assert reading_time_minutes([], image_count=1) == 1  # 12 s
    assert reading_time_minutes([], image_count=6) == 1  # 12 + 11 + 10 + 9 + 8 + 7 = 57 s
    assert reading_time_minutes([], image_count=7) == 2  # 57 + 6 = 63 s


def test_custom_rates_are_used():
    assert reading_time_minutes([words(200)], words_per_minute=100) == 2
    assert reading_time_minutes([words(200)], words_per_minute=200) == 1
    assert reading_time_minutes(["字" * 200], chinese_chars_per_minute=100) == 2
    assert reading_time_minutes(["か" * 200], japanese_chars_per_minute=100) == 2


@pytest.mark.parametrize(
    "rate", ["words_per_minute", "chinese_chars_per_minute", "japanese_chars_per_minute"]
)
@pytest.mark.parametrize("value", [0, -1])
def test_non_positive_rates_are_rejected(rate, value):
    with pytest.raises(ValueError, match=rate):
        reading_time_minutes(["text"], **{rate: value})


def test_negative_image_counts_are_rejected():
    with pytest.raises(ValueError, match="image count"):
        reading_time_minutes(["text"], image_count=-1)
    with pytest.raises(ValueError, match="image count"):
        image_seconds(-1)


# --- properties ------------------------------------------------------------------------------

# Passages mix arbitrary text with CJK characters, words and HTML markup.
passages = st.lists(
    st.one_of(
        st.text(st.characters(codec="utf-8"), max_size=10),
        st.sampled_from(["word ", " ", "字", "会議", "か", "カ", "<p>", "</p>", "<br>", "&nbsp;"]),
        st.sampled_from(["&amp;", "<", ">", "&", ";", "<script>", "</script>", "<!--", "-->"]),
    ),
    max_size=12,
).map("".join)
text_lists = st.lists(passages, max_size=5)
rates = st.integers(min_value=1, max_value=1000)
image_counts = st.integers(min_value=0, max_value=30)
# Plain text without "<" or "&" is read as it is, without any HTML processing.
plain_passages = st.text(st.characters(codec="utf-8", exclude_characters="<&"), max_size=80)

# Removes the kana blocks (Hiragana, Katakana and extensions, half-width, Kana Supplement).
KANA_REMOVER = dict.fromkeys(
    [
        *range(0x3040, 0x3100),
        *range(0x31F0, 0x3200),
        *range(0xFF66, 0xFFA0),
        *range(0x1B000, 0x1B170),
    ]
)

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None)


@PROPERTY_SETTINGS
@given(text_lists, passages, image_counts)
def test_appending_text_never_reads_faster(texts, extra, images):
    # Text is appended as a new passage (block). Gluing kana onto an all-kanji passage would
    # move its kanji to the faster Japanese rate, so concatenation is not monotonic.
    before = reading_time_minutes(texts, image_count=images)
    assert reading_time_minutes([*texts, extra], image_count=images) >= before


@PROPERTY_SETTINGS
@given(text_lists, image_counts)
def test_adding_an_image_never_reads_faster(texts, images):
    before = reading_time_minutes(texts, image_count=images)
    assert reading_time_minutes(texts, image_count=images + 1) >= before


@PROPERTY_SETTINGS
@given(text_lists, rates, rates)
def test_reading_more_words_a_minute_never_takes_longer(texts, slower, faster):
    slower, faster = sorted((slower, faster))
    assert reading_time_minutes(texts, words_per_minute=faster) <= reading_time_minutes(
        texts, words_per_minute=slower
    )


@PROPERTY_SETTINGS
@given(st.integers(min_value=0, max_value=200))
def test_each_image_adds_one_second_less_down_to_three(count):
    assert image_seconds(count + 1) - image_seconds(count) == max(12 - count, 3)


@PROPERTY_SETTINGS
@given(plain_passages, plain_passages)
def test_kana_free_passages_separated_by_a_space_count_as_the_sum_of_both(first, second):
    first, second = first.translate(KANA_REMOVER), second.translate(KANA_REMOVER)
    assert count_units(first + " " + second) == count_units(first) + count_units(second)


@PROPERTY_SETTINGS
@given(text_lists, image_counts, rates, rates, rates)
def test_minutes_are_the_rounded_up_reading_seconds(texts, images, wpm, zh_cpm, ja_cpm):
    minutes = reading_time_minutes(
        texts,
        image_count=images,
        words_per_minute=wpm,
        chinese_chars_per_minute=zh_cpm,
        japanese_chars_per_minute=ja_cpm,
    )
    counts = [count_units(html_to_text(text)) for text in texts]
    total_words = sum(count.words for count in counts)
    units = sum(c.words + c.chinese_chars + c.japanese_chars for c in counts)
    slowest_rate = min(wpm, zh_cpm, ja_cpm)

    assert minutes >= 1
    assert minutes >= math.ceil(Fraction(total_words, wpm))
    assert minutes * 60 >= image_seconds(images)
    # No unit is read slower than the slowest rate, so this bounds the time from above.
    upper = math.ceil(Fraction(units, slowest_rate) + Fraction(image_seconds(images), 60))
    assert minutes <= max(1, upper)


@PROPERTY_SETTINGS
@given(st.lists(plain_passages, max_size=5), image_counts)
def test_plain_text_takes_at_most_a_minute_per_slowest_rate_of_characters(texts, images):
    # Every word, Chinese or Japanese character uses at least one character of the input.
    characters = sum(len(text) for text in texts)
    slowest_rate = min(
        DEFAULT_WORDS_PER_MINUTE, CHINESE_CHARS_PER_MINUTE, JAPANESE_CHARS_PER_MINUTE
    )
    upper = math.ceil(Fraction(characters, slowest_rate) + Fraction(image_seconds(images), 60))
    assert 1 <= reading_time_minutes(texts, image_count=images) <= max(1, upper)
