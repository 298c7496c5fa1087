"""The spam filter in the pipeline: the starter from the first day, then the site's own model,
trained by moderators' decisions and calibrated on them, with three outcomes."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from broadsheet.comments import actions, learning, spamfilter
from broadsheet.comments.learning import load_filter
from broadsheet.comments.models import Comment, CommentSettings, CommentState, SpamFilterState
from tests.comments.helpers import last_comment, post_comment

pytestmark = pytest.mark.django_db

SPAM = [
    "Cheap watches and replica handbags, order now at discount prices: replica-shop.biz",
    "Earn money fast from home, click here for the secret method at quick-cash.xyz",
    "Best online pharmacy, pills without prescription, fast shipping from pharma-direct.top",
    "Crypto investment doubles your savings in a week, join now at coin-double.io",
    "Win a free phone today, claim your prize now, limited offer at prize-zone.win",
    "Casino bonus 200% on your first deposit, play now at lucky-slots.bet",
    "Lose 10 kg in two weeks with this one trick, order the pills at slim-fast.shop",
    "Hot singles in your area are waiting, click here to chat at meet-now.club",
    "Payday loans approved in minutes, bad credit OK, apply at loan-express.biz",
    "Buy 10000 followers cheap, instant delivery, order at follow-boost.xyz",
    "Great post! Visit my site for cheap SEO services and backlinks: rank-first.top",
    "Work from home and earn $500 a day, no experience needed, start at job-easy.win",
    "Discount designer sunglasses 90% off, order now before stock runs out at shades-sale.shop",
    "Free gift cards for everyone, claim yours now at gift-free.club",
    "Cheap flights and hotels, book now and save big at travel-deal.bet",
    "Get a free trial of our miracle cream, order today at skin-glow.io",
    "Bitcoin trading bot makes profit every day, sign up now at bot-profit.biz",
    "Replica watches best quality lowest prices, buy now at watch-copy.xyz",
    "Limited offer: cheap pills, no prescription, discreet shipping at pill-store.top",
    "Click here to claim your lottery winnings now at lotto-claim.win",
    "Make money online fast with our proven system, join now at cash-system.shop",
    "Cheap essay writing service, order now and get a discount at essay-fast.club",
    "Free casino spins every day, sign up now and win big at spin-daily.bet",
    "Amazing weight loss tea, order now with free shipping at tea-slim.io",
]
HAM = [
    "The new ferry timetable leaves the early market traders stranded",
    "I grew up on Quay Street and the bridge works took far too long",
    "Thanks for covering the council vote, the library deserves the money",
    "My daughter rows for the Sallow club, great to see them mentioned",
    "The harbour festival parking was a mess again this year",
    "Does anyone know when the footbridge on Mill Lane will reopen?",
    "Small correction: the library reopens on the 14th, not the 12th",
    "Well done to the under-twelves, a cracking match despite the rain",
    "The bus to Northgate was forty minutes late again this morning",
    "I remember the old market hall before the fire, my grandmother sold eggs there",
    "Surely the council could fix the potholes before building a car park",
    "Good to see the school choir getting some attention for once",
    "The flood defences held up well last winter, credit where it is due",
    "Why did the planning committee ignore the residents' petition?",
    "The new cycle lane on Castle Hill is a real improvement",
    "My neighbour has kept bees on the allotments for thirty years",
    "Lovely photos of the regatta, brought back many memories",
    "The closure of the post office will hit older residents hardest",
    "I was at the meeting and the mood was far angrier than this suggests",
    "The river path needs better lighting before someone gets hurt",
    "Hats off to the volunteers who cleared the beach on Sunday",
    "Parking charges at the hospital are a scandal, nurses pay too",
    "The rugby club bar has been the heart of the village for decades",
    "Fascinating piece on the old ropewalk, I never knew its history",
]
SPAM_POST = "Cheap replica watches, order now at discount prices"
# Text-message spam, the kind the starter model learnt from.
SMS_LIKE = "Congratulations! You have won a FREE prize. Call 09061701461 now to claim, T&C apply"


def pending(article, text: str, n: int = 0) -> Comment:
    return Comment.objects.create(
        article=article, name=f"Reader {n}", email=f"r{n}@reader.example", text=text
    )


def train(article, moderator, spam=SPAM, ham=HAM, *, retrain: bool = True) -> None:
    """Moderators decide on every example, spam and not spam in turn, as a queue mixes them,
    then press "Retrain now" so the filter rests on all of them."""
    for n, (bad, good) in enumerate(zip(spam, ham, strict=True)):
        actions.mark_spam(comment=pending(article, bad, 2 * n), actor=moderator)
        actions.approve_comment(comment=pending(article, good, 2 * n + 1), actor=moderator)
    if retrain:
        actions.retrain_spam_filter(actor=moderator)


def targets(*, precision: float, recall: float = 0.95) -> None:
    """The site's targets, as a moderator sets them in Settings → Comment settings."""
    CommentSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"spam_precision": precision, "spam_hold_recall": recall},
    )


def verdict():
    return last_comment().verdicts.get(check_name="learned filter")


def test_from_the_first_day_the_starter_holds_likely_spam(client, article, comment_settings):
    post_comment(client, article, text=SMS_LIKE)
    comment = last_comment()
    assert verdict().verdict == "hold"
    assert verdict().reason.startswith("Starter model: spam probability")
    assert "held, as it never marks spam" in verdict().reason
    assert comment.state == CommentState.PENDING
    assert comment.spam_score == verdict().score >= spamfilter.starter().hold_above


def test_the_starter_never_marks_spam_however_sure(client, article, comment_settings):
    targets(precision=0.5)
    post_comment(client, article, text=f"{SMS_LIKE} {SMS_LIKE} WIN WIN cash £1000 txt WIN 80086")
    assert verdict().verdict == "hold"
    assert last_comment().state == CommentState.PENDING


def test_the_starter_lets_ordinary_comments_on(client, article, comment_settings):
    post_comment(client, article, text="The bridge works on Quay Street finished early")
    assert verdict().verdict == "approve"
    assert verdict().score < spamfilter.starter().hold_above
    assert last_comment().state == CommentState.APPROVED


def test_the_sites_own_model_replaces_the_starter_after_enough_decisions(article, moderator):
    n = learning.MIN_DECISIONS
    train(article, moderator, SPAM[: n - 1], HAM[: n - 1], retrain=False)
    assert load_filter().kind == spamfilter.STARTER
    assert not SpamFilterState.objects.get().state
    train(article, moderator, SPAM[n - 1 : n], HAM[n - 1 : n], retrain=False)
    site = load_filter()
    assert site.kind == spamfilter.SITE
    assert site.decisions == (n, n)


def test_calibrated_filter_marks_spam_above_the_threshold_for_the_sites_precision(
    client, article, comment_settings, moderator
):
    targets(precision=0.95)
    train(article, moderator)
    post_comment(client, article, text=SPAM_POST, ip="10.13.0.1")
    comment = last_comment()
    assert verdict().verdict == "spam"
    assert "the threshold for precision 0.95" in verdict().reason
    assert comment.state == CommentState.SPAM
    assert comment.spam_score == verdict().score
    client.force_login(moderator)
    detail = client.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert f"{verdict().score:.2f}" in detail


def test_at_the_default_precision_two_dozen_decisions_only_hold(
    client, article, comment_settings, moderator
):
    # 0.99 with one imaginary mistake needs 99 spam decisions above every not-spam one.
    train(article, moderator)
    spam_filter = load_filter()
    assert spam_filter.thresholds(precision=0.99, recall=0.95).spam is None
    post_comment(client, article, text=SPAM_POST, ip="10.13.0.2")
    assert verdict().verdict == "hold"
    assert last_comment().state == CommentState.PENDING


def test_the_calibrated_filter_passes_ordinary_comments(
    client, article, comment_settings, moderator
):
    targets(precision=0.95)
    train(article, moderator)
    post_comment(client, article, text="The bridge works on Quay Street finished early")
    assert verdict().verdict == "approve"
    assert verdict().score < 0.5


def test_thresholds_are_chosen_again_as_decisions_arrive(article, moderator):
    train(article, moderator)
    before = load_filter()
    assert before.decisions == (24, 24)
    extra = [f"{text} Reply soon, offer ends tonight" for text in SPAM[:5]]
    more_ham = [f"{text}, and I said so at the time" for text in HAM[:5]]
    train(article, moderator, extra, more_ham, retrain=False)
    after = load_filter()
    assert after.decisions == (29, 29)
    assert after.curve != before.curve
    assert SpamFilterState.objects.get().decisions_since_training == 0


def test_a_retraining_is_queued_every_few_decisions(article, moderator):
    train(article, moderator)
    row = SpamFilterState.objects.get()
    stamp, since = row.updated_at, row.decisions_since_training
    for n in range(learning.RETRAIN_AFTER - since - 1):
        actions.approve_comment(
            comment=pending(article, f"Quite right, number {n}"), actor=moderator
        )
    row.refresh_from_db()
    assert (row.updated_at, row.decisions_since_training) == (stamp, learning.RETRAIN_AFTER - 1)
    actions.mark_spam(comment=pending(article, "Cheap pills at pill-shop.biz"), actor=moderator)
    row.refresh_from_db()
    assert row.updated_at > stamp
    assert row.decisions_since_training == 0


def test_changing_ones_mind_counts_only_the_latest_decision(article, moderator):
    comment = pending(article, "Cheap watches")
    actions.mark_spam(comment=comment, actor=moderator)
    assert learning.decision_counts() == (1, 0)
    actions.mark_not_spam(comment=comment, actor=moderator)
    assert learning.decision_counts() == (0, 1)
    actions.mark_not_spam(comment=comment, actor=moderator)
    assert learning.decision_counts() == (0, 1)
    assert SpamFilterState.objects.count() == 1


def test_when_decisions_are_reversed_below_the_minimum_the_starter_returns(article, moderator):
    train(article, moderator)
    assert load_filter().kind == spamfilter.SITE
    for comment in Comment.objects.filter(trained_as="spam"):
        actions.mark_not_spam(comment=comment, actor=moderator)
    learning.retrain()
    assert load_filter().kind == spamfilter.STARTER
    assert SpamFilterState.objects.get().state == {}


def test_training_counts_each_commenters_earlier_comments(article, moderator):
    train(article, moderator)
    regular = [
        Comment.objects.create(
            article=article, name="Ada", email="ada@reader.example", text=f"Good point {n}"
        )
        for n in range(3)
    ]
    for comment in regular:
        actions.approve_comment(comment=comment, actor=moderator)
    history = learning.histories(
        list(
            Comment.objects.filter(pk__in=[c.pk for c in regular]).values(
                "pk", "text", "name", "email", "user_id", "created_at", "trained_as"
            )
        )
    )
    assert [history[c.pk]["approved_before"] for c in regular] == [0, 1, 2]
    assert all(history[c.pk]["spam_before"] == 0 for c in regular)


def test_operators_can_train_the_filter_from_the_command_line(article, moderator):
    out = StringIO()
    call_command("comments_train_filter", stdout=out)
    assert "Only 0 spam and 0 not-spam decisions" in out.getvalue()
    train(article, moderator, retrain=False)
    out = StringIO()
    call_command("comments_train_filter", stdout=out)
    assert out.getvalue().strip() == "Trained on 24 spam and 24 not-spam decisions."
    assert load_filter().decisions == (24, 24)
