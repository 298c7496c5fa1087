"""The demo's comment threads: threaded, some waiting, some reported, built once."""

import pytest

from broadsheet.articles.models import ArticlePage
from broadsheet.comments.models import Comment
from broadsheet.demo.builder import build_demo
from broadsheet.demo.comments import build_demo_comments
from tests.comments.helpers import comments_section

pytestmark = pytest.mark.django_db


def test_demo_has_threads_pending_and_reported_comments_and_builds_once(client):
    build_demo()
    total = Comment.objects.count()
    assert total >= 25
    assert Comment.objects.filter(state="pending").count() >= 3
    assert Comment.objects.reported().count() >= 2
    assert Comment.objects.filter(depth=2).exists()
    assert build_demo_comments() == 0
    assert Comment.objects.count() == total
    article = ArticlePage.objects.get(slug="council-orders-flood-review")
    section = comments_section(client, article.url)
    visible = Comment.objects.visible().filter(article=article).count()
    assert section.find("h2").get_text() == f"Comments ({visible})"
    assert section.select_one("li.comment--featured")
    assert section.select("ol.comment-list--replies li")
