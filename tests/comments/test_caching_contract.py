"""The anonymous article page can be shared-cached: nothing in it belongs to one reader."""

import pytest

from broadsheet.comments.models import Comment
from tests.comments.helpers import form_data, last_comment, post_comment

pytestmark = pytest.mark.django_db


def test_anonymous_article_page_has_no_csrf_token_and_sets_no_cookie(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_anonymous_page_after_posting_still_has_nothing_per_reader(client, article):
    response = post_comment(client, article, text="Held for a moderator.")
    assert "broadsheet_commenter" in response.cookies
    assert response.cookies["broadsheet_commenter"]["path"] == "/comments/"
    assert response.cookies["broadsheet_commenter"]["samesite"] == "Lax"
    page = client.get(article.url)
    html = page.content.decode()
    assert "awaiting moderation" not in html
    assert "Held for a moderator." not in html
    assert "csrfmiddlewaretoken" not in html
    assert not page.cookies


def test_post_without_token_but_our_origin_is_accepted(client, article):
    assert post_comment(client, article).status_code == 302
    assert Comment.objects.count() == 1


def test_post_with_referer_when_origin_is_absent_is_accepted(client, article):
    response = client.post(
        f"/comments/post/{article.pk}/",
        form_data(article),
        HTTP_REFERER=f"http://testserver{article.url}",
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "null", "http://testserver.evil.example"]
)
def test_post_from_a_foreign_origin_is_refused(client, article, origin):
    response = post_comment(client, article, origin=origin)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_post_with_neither_origin_nor_referer_is_refused(client, article):
    response = post_comment(client, article, origin=None)
    assert response.status_code == 403


def test_signed_in_post_also_needs_the_csrf_token(article, reader, comment_settings):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert post_comment(client, article, name=None, email=None).status_code == 403
    page = client.get(article.url)
    assert "csrfmiddlewaretoken" in page.content.decode()
    token = page.cookies["csrftoken"].value
    response = post_comment(client, article, name=None, email=None, csrfmiddlewaretoken=token)
    assert response.status_code == 302
    assert last_comment().user == reader


def test_status_and_form_pages_are_never_cached(client, article, comment_settings):
    response = post_comment(client, article)
    status = client.get(response["Location"])
    refused = post_comment(client, article, name="")
    assert refused.status_code == 400
    for page in (status, refused, client.get(f"/comments/{last_comment().pk}/reply/")):
        directives = {d.strip() for d in page["Cache-Control"].split(",")}
        assert directives & {"no-store", "no-cache", "private", "max-age=0"}, directives
        assert "public" not in directives


def test_visibility_signal_is_sent_when_a_comment_appears(client, article, comment_settings):
    from broadsheet.comments.signals import comment_visibility_changed

    seen = []

    def listener(sender, comment, article, **kwargs):
        seen.append((sender, comment.pk, article.pk))

    comment_visibility_changed.connect(listener)
    try:
        post_comment(client, article)
    finally:
        comment_visibility_changed.disconnect(listener)
    assert seen == [(Comment, last_comment().pk, article.pk)]


def test_no_visibility_signal_for_a_held_comment(client, article):
    from broadsheet.comments.signals import comment_visibility_changed

    seen = []
    comment_visibility_changed.connect(lambda **kw: seen.append(kw), weak=False, dispatch_uid="t")
    try:
        post_comment(client, article)
    finally:
        comment_visibility_changed.disconnect(dispatch_uid="t")
    assert seen == []
