"""The admin dashboard tells a moderator how many comments wait, and for how long."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from broadsheet.comments.models import Comment, CommentState

pytestmark = pytest.mark.django_db


def waiting(article, *, age: timedelta, state=CommentState.PENDING) -> Comment:
    return Comment.objects.create(
        article=article,
        name="Tamsin",
        text="Is the ferry running?",
        state=state,
        created_at=timezone.now() - age,
    )


def panel(client):
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#pending-comments-section")


def test_the_dashboard_counts_the_waiting_comments_and_the_oldest_ones_wait(
    client, moderator, article
):
    waiting(article, age=timedelta(hours=3, minutes=10))
    waiting(article, age=timedelta(minutes=5))
    waiting(article, age=timedelta(days=2), state=CommentState.APPROVED)
    client.force_login(moderator)
    found = panel(client)
    text = " ".join(found.get_text().split())
    assert "2 comments are waiting. The oldest has waited 3 hours, 10 minutes." in text
    queue = reverse("comments_admin:queue", args=["pending"])
    assert found.select_one(f'a[href="{queue}"]') is not None


def test_an_empty_queue_says_so(client, moderator, article):
    client.force_login(moderator)
    assert "No comment is waiting for moderation." in panel(client).get_text()


def test_only_moderators_see_the_queue_on_the_dashboard(client, editor, article):
    waiting(article, age=timedelta(hours=1))
    client.force_login(editor)
    assert panel(client) is None
