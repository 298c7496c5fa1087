"""Access and erasure requests, IP hashing: through the management commands and HTTP."""

import io
import json

import pytest
from django.core.management import call_command

from broadsheet.comments.models import Comment, CommentState, ModerationAction
from broadsheet.comments.text import hash_ip
from tests.comments.helpers import comments_section, last_comment, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_comments(client, article, comment_settings):
    post_comment(client, article, text="Keep the night ferry.", email="ines@reader.example")
    first = last_comment()
    post_comment(
        client,
        article,
        parent=first.pk,
        text="Seconded.",
        name="Other",
        email="o@r.example",
        ip="10.8.0.1",
    )
    return first, last_comment()


def test_ip_address_is_stored_only_as_a_keyed_hash(client, article, comment_settings):
    post_comment(client, article, ip="203.0.113.9")
    comment = last_comment()
    assert comment.ip_hash == hash_ip("203.0.113.9")
    assert len(comment.ip_hash) == 64
    row = Comment.objects.filter(pk=comment.pk).values().get()
    assert not any("203.0.113.9" in str(value) for value in row.values())


def test_export_prints_everything_about_the_commenter_as_json(two_comments):
    out = io.StringIO()
    call_command("comments_export", "INES@reader.example", stdout=out)
    data = json.loads(out.getvalue())
    assert data["email"] == "INES@reader.example"
    assert [c["text"] for c in data["comments"]] == ["Keep the night ferry."]
    assert data["comments"][0]["article_url"] == "/city/ferry-timetable/"


def test_erase_removes_text_and_identity_but_keeps_replies(client, article, two_comments):
    first, reply = two_comments
    out = io.StringIO()
    call_command("comments_erase", "ines@reader.example", "--yes", stdout=out)
    assert "Erased 1 comments" in out.getvalue()
    first.refresh_from_db()
    assert (first.text, first.name, first.email, first.ip_hash) == ("", "", "", "")
    assert first.state == CommentState.REMOVED
    assert ModerationAction.objects.filter(comment=first, action="erased").exists()
    section = comments_section(client, article.url)
    assert "Keep the night ferry." not in section.get_text()
    assert section.find("li", id=f"comment-{first.pk}").find(class_="comment__removed")
    assert section.find("li", id=f"comment-{reply.pk}") is not None
    out = io.StringIO()
    call_command("comments_export", "ines@reader.example", stdout=out)
    assert json.loads(out.getvalue())["comments"] == []
