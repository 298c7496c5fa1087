"""What the stored comments say about a new one, read in one query written as SQL
(``pipeline.base.read_history``): the same answers as the ORM's definitions of "the same
commenter" (``commenter_q``) and of the duplicate windows, on SQLite and PostgreSQL."""

from datetime import timedelta

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from broadsheet.comments.models import Comment, CommentState, Policy, commenter_q
from broadsheet.comments.pipeline.base import (
    FLOOD_WINDOW,
    SAME_TEXT_DAYS,
    History,
    Submission,
    read_history,
)
from broadsheet.comments.text import fingerprint
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "The late ferry left without the night shift."
# Look-alikes for LIKE: "_" and "%" match anything there, and case must not matter.
EMAILS = ["Ines_R@Example.org", "ines_r@example.ORG", "inesXr@example.org", "100%@r.example"]


def submission(article, *, email: str = "", user=None, text: str = TEXT, now=None):
    return Submission(
        article=article,
        text=text,
        name="Ines",
        email=email,
        policy=Policy(),
        now=now or timezone.now(),
        user=user,
        fingerprint=fingerprint(text),
    )


def store(article, *, email="", user=None, text=TEXT, state=CommentState.APPROVED, days_ago=0.0):
    at = timezone.now() - timedelta(days=days_ago)
    return Comment.objects.create(
        article=article,
        name="Reader",
        email=email,
        user=user,
        text=text,
        fingerprint=fingerprint(text),
        state=state,
        created_at=at,
        state_changed_at=at,
    )


def orm_history(sub: Submission) -> History:
    """The same record through the ORM, as the checks asked for it before."""
    mine = Comment.objects.filter(commenter_q(email=sub.email, user=sub.user))
    states = dict(mine.order_by().values_list("state").annotate(n=Count("pk")))
    same = Q(fingerprint=sub.fingerprint)
    return History(
        approved=states.get(CommentState.APPROVED, 0),
        spam=states.get(CommentState.SPAM, 0),
        rejected=states.get(CommentState.REJECTED, 0),
        same_text=mine.filter(
            same, created_at__gte=sub.now - timedelta(days=SAME_TEXT_DAYS)
        ).count(),
        same_text_articles=Comment.objects.filter(same, created_at__gte=sub.now - FLOOD_WINDOW)
        .exclude(article=sub.article)
        .values("article")
        .distinct()
        .count(),
    )


@pytest.fixture
def articles(section, author):
    return [factories.make_article(section, title=f"Story {n}", authors=[author]) for n in range(4)]


def test_the_query_agrees_with_the_orm_on_look_alike_addresses_and_accounts(
    articles, django_user_model
):
    ines = django_user_model.objects.create_user("ines", "ines.account@example.org", "pw-Sal-22")
    here, *others = articles
    for n, email in enumerate(EMAILS):
        store(here, email=email, state=CommentState.APPROVED)
        store(others[n % 3], email=email, state=CommentState.SPAM, text=f"Other words {n}")
        store(others[(n + 1) % 3], email=email, state=CommentState.REJECTED, days_ago=2)
    store(here, user=ines, state=CommentState.PENDING)
    store(others[0], user=ines, email="ines.account@example.org", state=CommentState.SPAM)
    store(others[1], user=ines, days_ago=SAME_TEXT_DAYS + 1)

    cases = [submission(here, email=email) for email in [*EMAILS, "nobody@example.org"]]
    cases += [
        submission(here, user=ines),
        submission(here, user=ines, email="INES.account@example.org"),
        submission(others[2], email="Ines_R@example.org", text="Other words 2"),
        submission(here),  # neither account nor address: only the flood count
    ]
    found = [read_history(case) for case in cases]

    assert found == [orm_history(case) for case in cases]
    # And the answers are not all alike: the look-alikes are told apart. (The account's
    # spam comment has the same words under another article, within the day.)
    assert found[0] == History(approved=2, spam=2, rejected=2, same_text=4, same_text_articles=1)
    assert found[2] == History(approved=1, spam=1, rejected=1, same_text=2, same_text_articles=1)
    assert found[3].approved == 1 and found[4] == History(same_text_articles=1)
    assert found[5] == History(approved=1, spam=1, same_text=2, same_text_articles=1)


def test_same_words_count_inside_their_windows_only(articles):
    here, *others = articles
    store(here, email="ines@example.org", days_ago=SAME_TEXT_DAYS + 0.5)
    store(others[0], email="a@example.org", days_ago=0.5)
    store(others[1], email="b@example.org", days_ago=0.5)
    store(others[1], email="c@example.org", days_ago=0.2)  # the same article again
    store(others[2], email="d@example.org", days_ago=1.5)  # before the flood window
    store(here, email="e@example.org", days_ago=0.1)  # this article is not "another"

    sub = submission(here, email="ines@example.org")
    assert read_history(sub) == History(approved=1, same_text=0, same_text_articles=2)
    assert read_history(sub) == orm_history(sub)

    store(here, email="INES@example.org", days_ago=SAME_TEXT_DAYS - 0.5)
    assert read_history(sub).same_text == 1
