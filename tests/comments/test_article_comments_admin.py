"""Opening and closing one article's comments from the article's own admin pages."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from broadsheet.comments.models import Comment, ModerationAction
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_article(section, author):
    """Live on this site for a month: its comments have closed by age (14 days)."""
    return factories.make_article(
        section,
        title="Quay wall survey published",
        authors=[author],
        first_published_at=timezone.now() - timedelta(days=30),
    )


def edit_page(client, article) -> str:
    return client.get(f"/admin/pages/{article.pk}/edit/").content.decode()


def test_an_auto_closed_article_offers_reopen_in_its_editor(admin_client, old_article):
    html = edit_page(admin_client, old_article)

    assert "Reopen comments" in html
    assert f"/admin/comments/article/{old_article.pk}/?next=" in html
    status = admin_client.get(f"/admin/comments/article/{old_article.pk}/").content.decode()
    assert "closed by themselves 14 days after the article went live" in status


def test_reopening_brings_back_the_form_and_is_logged(admin_client, client, old_article):
    assert "Comments are closed" in client.get(old_article.url).content.decode()
    edit = f"/admin/pages/{old_article.pk}/edit/"

    response = admin_client.post(
        f"/admin/comments/article/{old_article.pk}/", {"verb": "reopen", "next": edit}
    )

    assert response.status_code == 302 and response["Location"] == edit
    page = client.get(old_article.url).content.decode()
    assert "Leave a Comment" in page and "Comments are closed" not in page
    assert ModerationAction.objects.filter(action="reopened", article_id=old_article.pk).exists()
    followed = admin_client.get(edit).content.decode()
    assert "Comments on “Quay wall survey published” are open again." in followed
    assert "Close comments" in followed


def test_closing_keeps_the_comments_and_hides_the_form(admin_client, client, article):
    response = admin_client.post(f"/admin/comments/article/{article.pk}/", {"verb": "close"})

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{article.pk}/edit/"
    assert "Comments are closed" in client.get(article.url).content.decode()
    assert "Reopen comments" in edit_page(admin_client, article)


def test_an_outside_address_is_not_followed_back(admin_client, article):
    response = admin_client.post(
        f"/admin/comments/article/{article.pk}/",
        {"verb": "close", "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == f"/admin/pages/{article.pk}/edit/"


def test_staff_who_may_neither_edit_nor_moderate_are_refused(client, article, django_user_model):
    user = django_user_model.objects.create_user("intern", "intern@courier.example", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.post(f"/admin/comments/article/{article.pk}/", {"verb": "close"})

    assert response["Location"] == "/admin/"  # Wagtail's answer to PermissionDenied
    assert "Leave a Comment" in client.get(article.url).content.decode()
    assert not ModerationAction.objects.filter(article_id=article.pk).exists()


def test_a_comment_on_an_auto_closed_article_offers_reopen_on_its_page(admin_client, old_article):
    comment = Comment.objects.create(article=old_article, name="Ines", text="Old news, still true.")

    html = admin_client.get(f"/admin/comments/{comment.pk}/").content.decode()

    assert "Reopen the article&#x27;s comments" in html or "Reopen the article's comments" in html
    assert "Close the article" not in html
