"""The spam filter's pure parts (``broadsheet.comments.spamfilter``): features, the model,
campaigns, calibration and the three outcomes."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadsheet.comments.spamfilter import (
    CLEAN,
    HOLD,
    SPAM,
    STARTER,
    Comment,
    SpamFilter,
    features,
    fit,
    starter,
)
from broadsheet.comments.spamfilter.calibration import Curve, hold_threshold, spam_threshold
from broadsheet.comments.spamfilter.campaigns import campaigns, folds
from broadsheet.comments.spamfilter.features import BUCKETS, site_of
from broadsheet.comments.spamfilter.filter import STARTER_PATH
from broadsheet.comments.spamfilter.model import Model, train
from tests.comments.test_learning import HAM as HAM_COMMENTS
from tests.comments.test_learning import SPAM as SPAM_COMMENTS

# --- features ----------------------------------------------------------------------------------


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
def test_disguised_words_share_the_plain_words_buckets(plain, disguised):
    shared = set(features(plain).text) - set(features("").text)
    assert shared & set(features(disguised).text)


def test_features_are_bounded_hashed_buckets():
    found = features("A long comment " * 500 + " ".join(str(n) for n in range(5000)))
    assert all(0 <= bucket < BUCKETS for bucket in found.text)
    assert features("").text and features("") == features("   ")


def test_repeating_a_word_adds_no_evidence():
    assert features("casino casino casino casino") == features("casino casino")


def test_writer_features_tell_the_record_and_shape_never_the_person():
    def writer(**fields):
        return features(Comment("Same words", **fields)).writer

    assert writer(name="Tamsin Reed", email="tamsin@reader.example") == writer(
        name="Owen Pryce", email="owen@other.example"
    )
    assert writer(name="Tamsin Reed", approved_before=3) != writer(name="Tamsin Reed")
    assert writer(name="Best SEO 4 You", email="seo4u2024@x.example") != writer(
        name="Tamsin Reed", email="tamsin@reader.example"
    )
    assert writer(signed_in=True) != writer(signed_in=False)


def test_site_of_keeps_the_registrable_part():
    assert site_of("news.example.co.uk") == "example.co.uk"
    assert site_of("www.shop.example.com") == "example.com"
    assert site_of("example.org") == "example.org"


# --- the model ---------------------------------------------------------------------------------


def trained() -> Model:
    examples = [(features(t), True) for t in SPAM_COMMENTS]
    examples += [(features(t), False) for t in HAM_COMMENTS]
    return train(examples)


def test_a_trained_model_tells_unseen_spam_from_unseen_comments():
    model = trained()
    assert model.score(features("Cheap pills, order now at pharma-deals.biz")) > 0.5
    assert model.score(features("The footbridge on Quay Street reopened today")) < 0.5


def test_training_is_repeatable():
    assert trained().to_dict() == trained().to_dict()


def test_the_model_round_trips_through_json_and_refuses_other_versions():
    model = trained()
    restored = Model.from_dict(json.loads(json.dumps(model.to_dict())))
    for text in ["Cheap pills now", "The ferry was late"]:
        assert restored.score(features(text)) == pytest.approx(model.score(features(text)), 1e-3)
    with pytest.raises(ValueError, match="version"):
        Model.from_dict({**model.to_dict(), "version": 1})
    with pytest.raises(ValueError, match="buckets"):
        Model.from_dict({**model.to_dict(), "buckets": 1024})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.text(max_size=40), st.text(max_size=40))
def test_a_score_is_always_a_probability(text, name, email):
    score = starter().score(Comment(text, name=name, email=email))
    assert 0.0 <= score <= 1.0


# --- campaigns ---------------------------------------------------------------------------------


def test_near_duplicates_numbers_and_sites_make_campaigns():
    texts = [
        "FREE entry into our weekly comp, just send the word WIN to 80086 NOW",
        "FREE entry into our weekly competition, just text the word WIN to 80086 NOW",
        "Your prize is waiting, call 80086 today",
        "Great deals on watches at replica-shop.example.co.uk",
        "Visit www.replica-shop.example.co.uk/bags for handbags",
        "The ferry was late again this morning",
        "The council meets on Tuesday about the bridge",
    ]
    groups = campaigns(texts)
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] == groups[4] != groups[0]
    assert len({groups[0], groups[3], groups[5], groups[6]}) == 4


def test_folds_keep_campaigns_together_and_share_out_both_kinds():
    groups = [0, 0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8]
    labels = [True] * 6 + [False] * 6
    fold_of = folds(groups, 3, labels)
    assert fold_of[0] == fold_of[1] == fold_of[2] and fold_of[3] == fold_of[4]
    for fold in range(3):
        kinds = {labels[i] for i in range(12) if fold_of[i] == fold}
        assert kinds == {True, False}


# --- calibration -------------------------------------------------------------------------------


def curve(spam_above: int, ham_above: int, spam_below: int, ham_below: int) -> Curve:
    logits = [3.0] * spam_above + [3.0] * ham_above + [-3.0] * spam_below + [-2.0] * ham_below
    labels = [True] * spam_above + [False] * ham_above + [True] * spam_below + [False] * ham_below
    return Curve.from_scores(logits, labels)


def test_marking_spam_at_099_takes_99_spam_decisions_above_every_other():
    assert spam_threshold(curve(98, 0, 5, 200), 0.99) is None
    found = spam_threshold(curve(99, 0, 5, 200), 0.99)
    assert found is not None and found.logit == 3.0
    assert (found.precision, found.recall) == (1.0, 99 / 104)


def test_a_mistake_above_the_threshold_raises_what_it_takes():
    assert spam_threshold(curve(150, 1, 0, 100), 0.99) is None
    assert spam_threshold(curve(198, 1, 0, 100), 0.99) is not None


def test_the_lowest_step_reaching_the_precision_is_chosen():
    logits = [4.0] * 50 + [2.0] * 50 + [1.0] * 5 + [0.0] * 3
    labels = [True] * 100 + [False] * 5 + [False] * 3
    found = spam_threshold(Curve.from_scores(logits, labels), 0.95)
    assert found.logit == 2.0 and found.spam == 100 and found.ham == 0


def test_the_hold_threshold_keeps_the_target_share_of_spam_out_of_view():
    logits = [3.0] * 80 + [0.5] * 15 + [-1.0] * 5 + [-3.0] * 100 + [0.5] * 4
    labels = [True] * 100 + [False] * 104
    found = hold_threshold(Curve.from_scores(logits, labels), 0.95)
    assert found.logit == 0.5
    assert found.recall == 0.95 and found.ham == 4
    spam = spam_threshold(Curve.from_scores(logits, labels), 0.9)
    assert hold_threshold(Curve.from_scores(logits, labels), 0.5, below=spam).logit <= spam.logit


# --- the filter --------------------------------------------------------------------------------


def test_the_starter_only_holds():
    sure = Comment("WINNER!! You have won a FREE prize, call 09061701461 now to claim £1000")
    judgement = starter().judge(sure, precision=0.5, recall=0.5)
    assert judgement.outcome == HOLD and judgement.score > 0.9
    plain = Comment("See you at the market on Saturday")
    assert starter().judge(plain, precision=0.5, recall=0.5).outcome == CLEAN


def test_the_shipped_starter_states_where_it_comes_from():
    data = json.loads(STARTER_PATH.read_text(encoding="utf-8"))
    assert data["kind"] == STARTER
    assert data["about"]["licence"] == "CC BY 4.0"
    assert "SMS Spam Collection" in data["about"]["corpus"]
    readme = (STARTER_PATH.parent / "README.md").read_text(encoding="utf-8")
    assert "Almeida" in readme and "CC BY 4.0" in readme
    assert len(data["model"]["weights"]) <= 5000


def test_a_fitted_filter_has_three_outcomes():
    texts = SPAM_COMMENTS + HAM_COMMENTS
    labels = [True] * len(SPAM_COMMENTS) + [False] * len(HAM_COMMENTS)
    site = fit([Comment(t) for t in texts], labels)
    assert site.decisions == (24, 24)
    outcomes = {
        site.judge(Comment(t), precision=0.9, recall=0.99).outcome
        for t in ["Cheap replica watches, order now", "Order now", "The ferry was late"]
    }
    assert outcomes <= {SPAM, HOLD, CLEAN} and SPAM in outcomes and CLEAN in outcomes
    assert site.thresholds(precision=0.99, recall=0.95).spam is None
    restored = SpamFilter.from_dict(json.loads(json.dumps(site.to_dict())))
    assert restored.curve == site.curve and restored.decisions == site.decisions
    with pytest.raises(ValueError, match="version"):
        SpamFilter.from_dict({"version": 1, "counts": {}})
