"""The front page's "Most commented" list counts approved comments of the last week."""

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.comments.models import Comment, CommentState
from broadsheet.comments.selectors import most_commented_articles
from tests import factories

pytestmark = pytest.mark.django_db


def add_comments(article, count, *, state=CommentState.APPROVED, age=timedelta(hours=1)):
    Comment.objects.bulk_create(
        Comment(
            article=article,
            name=f"Reader {i}",
            email=f"reader{i}@reader.example",
            text=f"Comment number {i}",
            state=state,
            created_at=timezone.now() - age,
        )
        for i in range(count)
    )


def test_most_commented_ranks_by_recent_approved_comments(client, section, author):
    busy = factories.make_article(section, title="Busy thread", authors=[author])
    quiet = factories.make_article(section, title="Quiet thread", authors=[author])
    old = factories.make_article(section, title="Old argument", authors=[author])
    held = factories.make_article(section, title="Held back", authors=[author])
    add_comments(busy, 5)
    add_comments(quiet, 2)
    add_comments(old, 9, age=timedelta(days=10))
    add_comments(held, 9, state=CommentState.PENDING)

    assert [a.title for a in most_commented_articles(limit=5, days=7)] == [
        "Busy thread",
        "Quiet thread",
    ]
    page = client.get("/").content.decode()
    listed = page.split('id="most-commented-heading"', 1)[1].split("</section>", 1)[0]
    assert listed.index("Busy thread") < listed.index("Quiet thread")
    assert "Old argument" not in listed and "Held back" not in listed


def test_front_page_has_no_most_commented_list_without_comments(client, section, author):
    factories.make_article(section, title="Nobody has spoken", authors=[author])
    assert b"most-commented-heading" not in client.get("/").content


def test_unpublished_articles_leave_the_list(section, author):
    article = factories.make_article(section, title="Withdrawn", authors=[author])
    add_comments(article, 3)
    article.unpublish()
    assert most_commented_articles() == []
