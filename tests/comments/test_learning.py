"""The learned spam filter: trained by moderators' decisions, used once it knows enough."""

import pytest

from broadsheet.comments import actions
from broadsheet.comments.learning import load_filter
from broadsheet.comments.models import Comment, CommentState, SpamFilterState
from tests.comments.helpers import last_comment, post_comment

pytestmark = pytest.mark.django_db

SPAM = [
    "Cheap watches and replica handbags, order now at discount prices",
    "Earn money fast from home, click here for the secret casino bonus",
    "Best online pharmacy, pills without prescription, fast shipping",
    "Crypto investment doubles your savings, join the giveaway today",
    "Win a free phone, claim your prize now, limited offer",
]
HAM = [
    "The new ferry timetable leaves the early market traders stranded",
    "I grew up on Quay Street and the bridge works took far too long",
    "Thanks for covering the council vote, the library deserves the money",
    "My daughter rows for the Sallow club, great to see them mentioned",
    "The harbour festival parking was a mess again this year",
]


def train(article, moderator, rounds: int = 5) -> None:
    for n in range(rounds):
        for text in SPAM:
            comment = Comment.objects.create(
                article=article, name="x", text=f"{text} {n}", state=CommentState.PENDING
            )
            actions.mark_spam(comment=comment, actor=moderator)
        for text in HAM:
            comment = Comment.objects.create(
                article=article, name="y", text=f"{text} {n}", state=CommentState.PENDING
            )
            actions.approve_comment(comment=comment, actor=moderator)


def test_filter_abstains_until_it_has_enough_examples(client, article, comment_settings):
    post_comment(client, article, text="Cheap watches, order now")
    verdict = last_comment().verdicts.get(check_name="learned filter")
    assert verdict.verdict == "approve"
    assert verdict.score is None
    assert "Still learning (0 spam, 0 not-spam examples)" in verdict.reason


def test_trained_filter_flags_spam_and_stores_its_score(
    client, article, comment_settings, moderator
):
    train(article, moderator)
    assert load_filter().examples == (25, 25)
    post_comment(
        client, article, text="Cheap replica watches, order now at discount prices", ip="10.13.0.1"
    )
    comment = last_comment()
    verdict = comment.verdicts.get(check_name="learned filter")
    assert verdict.verdict == "spam"
    assert verdict.score >= 0.9
    assert comment.state == CommentState.SPAM
    assert comment.spam_score == verdict.score
    client.force_login(moderator)
    detail = client.get(f"/admin/comments/{comment.pk}/").content.decode()
    assert f"{verdict.score:.2f}" in detail


def test_trained_filter_passes_ordinary_comments(client, article, comment_settings, moderator):
    train(article, moderator)
    post_comment(
        client, article, text="The bridge works on Quay Street finished early", ip="10.13.0.2"
    )
    verdict = last_comment().verdicts.get(check_name="learned filter")
    assert verdict.verdict == "approve"
    assert verdict.score < 0.5


def test_changing_ones_mind_unlearns_the_earlier_lesson(article, moderator):
    comment = Comment.objects.create(
        article=article, name="z", text="Cheap watches", state="pending"
    )
    actions.mark_spam(comment=comment, actor=moderator)
    assert load_filter().examples == (1, 0)
    actions.mark_not_spam(comment=comment, actor=moderator)
    assert load_filter().examples == (0, 1)
    actions.mark_not_spam(comment=comment, actor=moderator)
    assert load_filter().examples == (0, 1)
    assert SpamFilterState.objects.count() == 1
