"""Who may moderate: anonymous, commenter, editor, comment moderator, administrator."""

import pytest
from django.contrib.auth.models import Group

from broadsheet.comments.models import CommentState
from tests.comments.conftest import grant_moderation
from tests.comments.helpers import last_comment, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(client, article):
    post_comment(client, article, text="Waiting for a moderator.")
    client.cookies.clear()
    return last_comment()


@pytest.fixture
def people(reader, editor, moderator, admin_user_):
    return {
        "anonymous": None,
        "commenter": reader,
        "editor": editor,
        "moderator": moderator,
        "admin": admin_user_,
    }


EXPECTED = {
    "anonymous": False,
    "commenter": False,
    "editor": False,
    "moderator": True,
    "admin": True,
}


@pytest.mark.parametrize("who", list(EXPECTED))
def test_who_sees_the_queue_and_can_approve(client, people, pending, who):
    if people[who] is not None:
        client.force_login(people[who])
    queue = client.get("/admin/comments/queue/pending/")
    can = EXPECTED[who]
    assert (queue.status_code == 200 and b"Waiting for a moderator." in queue.content) is can
    client.post(f"/admin/comments/{pending.pk}/approve/")
    pending.refresh_from_db()
    assert (pending.state == CommentState.APPROVED) is can


@pytest.mark.parametrize("who", ["commenter", "editor", "moderator", "admin"])
def test_comments_menu_shown_only_to_moderators(client, people, who):
    client.force_login(people[who])
    response = client.get("/admin/")
    if response.status_code != 200:
        assert not EXPECTED[who]
        return
    assert (b"/admin/comments/queue/pending/" in response.content) is EXPECTED[who]


def test_editor_granted_the_permission_can_moderate(client, editor, pending):
    grant_moderation(editor)
    client.force_login(editor)
    client.post(f"/admin/comments/{pending.pk}/approve/")
    pending.refresh_from_db()
    assert pending.state == CommentState.APPROVED


def test_comment_moderators_cannot_edit_articles(client, moderator, article):
    client.force_login(moderator)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code in (302, 403)
    group = Group.objects.get(name="Comment moderators")
    assert not group.permissions.filter(content_type__app_label="wagtailcore").exists()
    assert not group.page_permissions.exists()
