"""Tests for the learned spam filter in ``broadsheet.comments.spamfilter`` (pure Python)."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadsheet.comments.spamfilter import BUCKETS, SpamFilter, features

SPAM = [
    "Cheap viagra and cialis, no prescription needed, fast delivery at pillstore-deals.com",
    "Earn $500 a day working from home! Click https://easy-cash-now.biz to start today",
    "Best online casino bonus 200% on your first deposit, play now at lucky-spin.win",
    "I doubled my bitcoin in one week with this trading bot, message me for the link",
    "Instant payday loan approval, bad credit OK, apply at quickloan-direct.net",
    "Congratulations, you have been selected to win a free phone! Claim at prize-centre.xyz",
    "Nice post. Visit my site for cheap roofing services best-roofers-online.com",
    "Buy followers and likes cheap, 10000 followers in 24 hours, fast-fame.shop",
]
HAM = [
    "The bus to Sallow Bridge was forty minutes late again this morning.",
    "I remember the old market hall before the fire, my grandmother sold eggs there.",
    "Surely the council could have fixed the potholes on Mill Lane before the car park?",
    "Small correction: the library reopens on the 14th, not the 12th.",
    "Well done to the under-twelves, a cracking match on Saturday despite the rain.",
    "Does anyone know whether the footbridge will be closed during the flood works?",
    "Rubbish decision by the planning committee, and they know it.",
    "Thanks for covering this, the minutes are on the council website for anyone.",
]


def trained(min_examples: int = 3) -> SpamFilter:
    spam_filter = SpamFilter(min_examples=min_examples)
    for text in SPAM:
        spam_filter.learn(text, is_spam=True)
    for text in HAM:
        spam_filter.learn(text, is_spam=False)
    return spam_filter


# --- worked examples -------------------------------------------------------------------------


def test_a_new_filter_has_no_examples_and_no_opinion():
    spam_filter = SpamFilter()
    assert spam_filter.examples == (0, 0)
    assert spam_filter.min_examples == 20
    assert spam_filter.score("Cheap viagra") is None


def test_scores_only_once_each_class_has_min_examples():
    spam_filter = SpamFilter(min_examples=3)
    for text in SPAM[:3]:
        spam_filter.learn(text, is_spam=True)
    for text in HAM[:2]:
        spam_filter.learn(text, is_spam=False)
    assert spam_filter.examples == (3, 2)
    assert spam_filter.score("Any text at all") is None
    spam_filter.learn(HAM[2], is_spam=False)
    assert spam_filter.examples == (3, 3)
    assert spam_filter.score("Any text at all") is not None


def test_many_examples_of_one_class_are_not_enough():
    spam_filter = SpamFilter(min_examples=2)
    for text in SPAM:
        spam_filter.learn(text, is_spam=True)
    spam_filter.learn(HAM[0], is_spam=False)
    assert spam_filter.score(SPAM[0]) is None


@pytest.mark.parametrize(
    "text",
    [
        "Get cheap viagra pills with no prescription at pharmacy-deals.com",
        "Work from home and earn $300 a day, click https://easy-cash-now.biz",
        "Free casino bonus on your first deposit, play at lucky-spin.win today",
    ],
)
def test_unseen_spam_scores_above_one_half(text):
    assert trained().score(text) > 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The council still has not said when the footbridge reopens.",
        "My grandmother remembers the flood of the market hall too.",
        "Correction: the match on Saturday was the under-fourteens.",
    ],
)
def test_unseen_reader_comments_score_below_one_half(text):
    assert trained().score(text) < 0.5


@pytest.mark.parametrize(
    ("plain", "disguised"),
    [
        ("cheap viagra no prescription", "ch3ap v1agra n0 prescr1ption"),
        ("online casino bonus", "onlіne саsіno bоnus"),  # Cyrillic look-alike letters
        ("free bitcoin", "f r e e   b i t c o i n"),
        ("free casino", "ＦＲＥＥ ｃａｓｉｎｏ"),  # full-width forms, undone by NFKC
        ("viagra", "vi\u200bagra"),  # zero-width space
    ],
)
def test_disguised_spam_shares_the_plain_words_features(plain, disguised):
    plain_words = {b for b in features(plain)} - features("")
    assert plain_words & features(disguised)
    assert trained().score(disguised) > 0.5


def test_features_are_bounded_hashed_buckets():
    buckets = features("A long comment " * 500 + " ".join(str(n) for n in range(5000)))
    assert all(0 <= bucket < BUCKETS for bucket in buckets)
    assert features("") and features("") == features("   ")


def test_repeating_a_word_adds_no_evidence():
    assert features("casino casino casino casino") == features("casino casino")


# --- learn / unlearn ---------------------------------------------------------------------------


def test_unlearn_reverses_learn_exactly():
    spam_filter = trained()
    before = spam_filter.to_dict()
    spam_filter.learn("A brand new comment about the River Sallow ferry", is_spam=True)
    assert spam_filter.to_dict() != before
    spam_filter.unlearn("A brand new comment about the River Sallow ferry", is_spam=True)
    assert spam_filter.to_dict() == before


def test_a_moderator_changing_their_mind_equals_the_right_call_first_time():
    text = "Does the Westreach ferry still run on Sundays in winter?"
    changed_mind = trained()
    changed_mind.learn(text, is_spam=True)
    changed_mind.unlearn(text, is_spam=True)
    changed_mind.learn(text, is_spam=False)
    right_first_time = trained()
    right_first_time.learn(text, is_spam=False)
    assert changed_mind.to_dict() == right_first_time.to_dict()
    assert changed_mind.score(text) == right_first_time.score(text)


def test_unlearning_what_was_never_learned_never_goes_negative():
    spam_filter = SpamFilter(min_examples=1)
    spam_filter.unlearn("never seen", is_spam=True)
    assert spam_filter.examples == (0, 0)
    spam_filter.learn("one spam text", is_spam=True)
    spam_filter.unlearn("a different text entirely", is_spam=True)
    spam_filter.unlearn("a different text entirely", is_spam=True)
    state = spam_filter.to_dict()
    assert spam_filter.examples == (0, 0)
    assert all(n > 0 for counts in state["counts"].values() for n in counts.values())


# --- persistence -------------------------------------------------------------------------------


def test_state_round_trips_through_json():
    spam_filter = trained(min_examples=4)
    text = json.dumps(spam_filter.to_dict())
    restored = SpamFilter.from_dict(json.loads(text))
    assert restored.to_dict() == spam_filter.to_dict()
    assert restored.examples == spam_filter.examples == (len(SPAM), len(HAM))
    assert restored.min_examples == 4
    for sample in SPAM + HAM + ["something else entirely"]:
        assert restored.score(sample) == spam_filter.score(sample)


def test_state_has_a_version_and_refuses_unknown_ones():
    state = trained().to_dict()
    assert state["version"] == 1
    with pytest.raises(ValueError, match="version"):
        SpamFilter.from_dict({**state, "version": 99})
    with pytest.raises(ValueError, match="buckets"):
        SpamFilter.from_dict({**state, "buckets": 1024})


def test_a_restored_filter_keeps_learning():
    restored = SpamFilter.from_dict(json.loads(json.dumps(trained().to_dict())))
    restored.learn("Casino bonus codes every day", is_spam=True)
    assert restored.examples == (len(SPAM) + 1, len(HAM))


# --- properties --------------------------------------------------------------------------------

texts = st.text(max_size=300)
training_sets = st.tuples(
    st.lists(texts, min_size=1, max_size=8), st.lists(texts, min_size=1, max_size=8)
)


def build(spam: list[str], ham: list[str]) -> SpamFilter:
    spam_filter = SpamFilter(min_examples=1)
    for text in spam:
        spam_filter.learn(text, is_spam=True)
    for text in ham:
        spam_filter.learn(text, is_spam=False)
    return spam_filter


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(training_sets, texts)
def test_score_is_always_a_probability(training, text):
    score = build(*training).score(text)
    assert 0.0 <= score <= 1.0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(training_sets, texts)
def test_learning_a_text_as_spam_never_lowers_its_score(training, text):
    spam_filter = build(*training)
    before = spam_filter.score(text)
    spam_filter.learn(text, is_spam=True)
    assert spam_filter.score(text) >= before


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(training_sets, texts)
def test_learning_a_text_as_ham_never_raises_its_score(training, text):
    spam_filter = build(*training)
    before = spam_filter.score(text)
    spam_filter.learn(text, is_spam=False)
    assert spam_filter.score(text) <= before


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(training_sets, texts, st.booleans())
def test_learn_then_unlearn_is_the_identity(training, text, is_spam):
    spam_filter = build(*training)
    before = spam_filter.to_dict()
    spam_filter.learn(text, is_spam=is_spam)
    spam_filter.unlearn(text, is_spam=is_spam)
    assert spam_filter.to_dict() == before
