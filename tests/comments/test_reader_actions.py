"""Likes, reports, editing within the window, deleting, closed articles."""

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.comments.models import (
    Comment,
    CommentPolicyOverride,
    CommentState,
    ModerationAction,
    Reaction,
    Report,
)
from tests import factories
from tests.comments.helpers import ORIGIN, comments_section, last_comment, post_comment, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client, article, comment_settings):
    post_comment(client, article, text="The ferry should run hourly.")
    comment = last_comment()
    assert comment.state == CommentState.APPROVED
    return comment


def like(client, comment, **headers):
    return client.post(f"/comments/{comment.pk}/like/", HTTP_ORIGIN=ORIGIN, **headers)


def test_guest_likes_once(client, published):
    response = like(client, published, HTTP_ACCEPT="application/json")
    assert response.json() == {"ok": True, "counted": True, "likes": 1}
    again = like(client, published, HTTP_ACCEPT="application/json")
    assert again.json() == {"ok": True, "counted": False, "likes": 1}
    assert Reaction.objects.count() == 1


def test_guest_who_clears_cookies_still_likes_once_from_same_address(client, published):
    like(client, published)
    client.cookies.clear()
    like(client, published)
    assert Comment.objects.get(pk=published.pk).like_count == 1


def test_signed_in_reader_likes_once_and_count_shows(client, article, published, reader):
    client.force_login(reader)
    like(client, published)
    like(client, published)
    assert Comment.objects.get(pk=published.pk).like_count == 1
    client.logout()
    item = comments_section(client, article.url).find("li", id=f"comment-{published.pk}")
    assert item.find(attrs={"data-like-count": True}).get_text() == "1"


def test_like_without_script_redirects_to_the_comment(client, article, published):
    response = like(client, published)
    assert response.status_code == 302
    assert response["Location"] == f"/comments/{published.pk}/"


def test_like_from_foreign_origin_is_refused(client, published):
    response = client.post(f"/comments/{published.pk}/like/", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Reaction.objects.exists()


def test_report_with_a_reason_reaches_the_reported_queue(client, published):
    page = soup(client.get(f"/comments/{published.pk}/report/"))
    reasons = [i["value"] for i in page.find_all("input", attrs={"name": "reason"})]
    assert reasons == ["spam", "abuse", "off-topic", "other"]
    response = client.post(
        f"/comments/{published.pk}/report/",
        {"reason": "off-topic", "note": "About buses"},
        HTTP_ORIGIN=ORIGIN,
    )
    assert "Thank you for the report" in response.content.decode()
    report = Report.objects.get()
    assert (report.reason, report.note) == ("off-topic", "About buses")
    assert list(Comment.objects.reported()) == [published]
    assert ModerationAction.objects.filter(action="reported").count() == 1


def test_report_in_place_answers_json_and_counts_once_per_reader(client, published):
    for _ in range(2):
        response = client.post(
            f"/comments/{published.pk}/report/",
            {"reason": "spam"},
            HTTP_ORIGIN=ORIGIN,
            HTTP_ACCEPT="application/json",
        )
        assert response.json()["ok"] is True
    assert Report.objects.count() == 1


def test_report_needs_a_known_reason(client, published):
    response = client.post(
        f"/comments/{published.pk}/report/",
        {"reason": "boring"},
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_guest_edits_within_ten_minutes_and_comment_is_marked_edited(client, article, published):
    response = client.post(
        f"/comments/{published.pk}/edit/", {"text": "Hourly, and later at night."}
    )
    assert response.status_code == 302
    item = comments_section(client, article.url).find("li", id=f"comment-{published.pk}")
    assert "Hourly, and later at night." in item.find(class_="comment__text").get_text()
    assert item.find(class_="comment__edited").get_text() == "edited"


def test_edit_after_ten_minutes_is_refused(client, published):
    Comment.objects.filter(pk=published.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    response = client.post(f"/comments/{published.pk}/edit/", {"text": "Too late"})
    assert response.status_code == 403
    assert Comment.objects.get(pk=published.pk).text == "The ferry should run hourly."


def test_only_the_author_may_edit_or_delete(client, published, reader):
    client.cookies.clear()
    assert client.post(f"/comments/{published.pk}/edit/", {"text": "x"}).status_code == 403
    client.force_login(reader)
    assert client.post(f"/comments/{published.pk}/delete/").status_code == 403
    assert Comment.objects.get(pk=published.pk).state == CommentState.APPROVED


def test_edit_that_adds_a_banned_word_takes_the_comment_down(client, published):
    from broadsheet.comments.models import BannedWord

    BannedWord.objects.create(word="scoundrel", kind=BannedWord.Kind.BAN)
    client.post(f"/comments/{published.pk}/edit/", {"text": "The captain is a scoundrel"})
    assert Comment.objects.get(pk=published.pk).state == CommentState.REJECTED


def test_signed_in_author_sees_edit_and_delete_links(client, article, reader, comment_settings):
    client.force_login(reader)
    post_comment(client, article, name=None, email=None)
    item = comments_section(client, article.url).find("li", id=f"comment-{last_comment().pk}")
    links = [a.get_text() for a in item.find(class_="comment__actions").find_all("a")]
    assert "Edit" in links and "Delete" in links


def test_deleted_comment_without_replies_disappears(client, article, published):
    response = client.post(f"/comments/{published.pk}/delete/")
    assert "Your comment was removed." in response.content.decode()
    section = comments_section(client, article.url)
    assert section.find("li", id=f"comment-{published.pk}") is None
    assert section.find("h2").get_text() == "Comments (0)"


def test_deleted_comment_with_replies_shows_comment_removed(client, article, published):
    post_comment(
        client, article, parent=published.pk, text="Agreed!", email="x@r.example", ip="10.6.0.1"
    )
    reply = last_comment()
    client.post(f"/comments/{published.pk}/delete/")
    item = comments_section(client, article.url).find("li", id=f"comment-{published.pk}")
    assert item.find(class_="comment__removed").get_text() == "Comment removed"
    assert "The ferry should run hourly." not in item.get_text()
    assert item.find("li", id=f"comment-{reply.pk}") is not None


def test_closed_article_shows_comments_but_no_form(client, article, published):
    CommentPolicyOverride.objects.create(page=article, mode="closed")
    section = comments_section(client, article.url)
    assert section.find(class_="comments__closed").get_text() == "Comments are closed."
    assert section.find("form", id="comment-form") is None
    assert section.find("li", id=f"comment-{published.pk}") is not None
    assert section.find(class_="comment__reply") is None
    response = post_comment(client, article, text="Still trying", ip="10.7.0.1")
    assert response.status_code == 403
    assert "Comments are closed." in response.content.decode()


def test_section_override_closes_its_articles(client, article, section):
    CommentPolicyOverride.objects.create(page=section, mode="closed")
    assert comments_section(client, article.url).find(class_="comments__closed")


def test_article_override_beats_section_override(client, article, section):
    CommentPolicyOverride.objects.create(page=section, mode="closed")
    CommentPolicyOverride.objects.create(page=article, mode="open")
    assert comments_section(client, article.url).find("form", id="comment-form")


def test_comments_close_automatically_after_the_configured_days(client, section, author):
    old = factories.make_article(
        section,
        title="Last winter floods",
        authors=[author],
        first_published_at=timezone.now() - timedelta(days=15),
    )
    assert comments_section(client, old.url).find(class_="comments__closed")
    CommentPolicyOverride.objects.create(page=old, auto_close_days=0)
    assert comments_section(client, old.url).find("form", id="comment-form")
