"""Reply notifications, one-click unsubscribe, the moderators' digest."""

import logging
import re

import pytest
from django.core import mail

from broadsheet.comments.actions.names import CONTROL_CHARACTERS
from broadsheet.comments.models import BannedWord, Comment, ModerationAction
from tests.comments.helpers import last_comment, post_comment, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def opted_in(client, article, comment_settings):
    post_comment(
        client, article, text="Who runs the ferry?", email="ana@r.example", notify_replies="on"
    )
    return last_comment()


def reply_to(client, article, parent, **fields):
    fields.setdefault("email", "ben@r.example")
    post_comment(client, article, parent=parent.pk, name="Ben Harrow", ip="10.11.0.1", **fields)
    return last_comment()


def unsubscribe_link(message) -> str:
    return re.search(r"http://testserver(/comments/unsubscribe/[^/\s]+/)", message.body).group(1)


def test_reply_notifies_the_opted_in_commenter(client, article, opted_in):
    reply = reply_to(client, article, opted_in, text="The Sallow Line does.")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@r.example"]
    assert "Ben Harrow replied" in message.subject
    assert "The Sallow Line does." in message.body
    assert f"http://testserver/comments/{reply.pk}/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "ben@r.example" not in message.body


def test_no_email_without_opt_in(client, article, comment_settings):
    post_comment(client, article, text="No emails please", email="cy@r.example")
    reply_to(client, article, last_comment(), text="Noted.")
    assert mail.outbox == []


def test_held_reply_notifies_only_once_approved(client, article, opted_in, moderator):
    BannedWord.objects.create(word="timetable", kind="suspect")
    reply = reply_to(client, article, opted_in, text="Check the timetable.")
    assert mail.outbox == []
    client.force_login(moderator)
    client.post(f"/admin/comments/{reply.pk}/approve/")
    client.post(f"/admin/comments/{reply.pk}/reject/")
    client.post(f"/admin/comments/{reply.pk}/approve/")
    assert len(mail.outbox) == 1


def test_reply_under_a_name_with_a_line_break_is_refused_at_submission(client, article, opted_in):
    response = post_comment(
        client,
        article,
        parent=opted_in.pk,
        name="Ben Harrow\nBcc: everyone@r.example",
        email="ben@r.example",
        text="A reply that would never be announced.",
    )
    assert response.status_code == 400
    field = soup(response).find("input", attrs={"name": "name"}).find_parent("p")
    assert [item.get_text() for item in field.select(".errorlist li")] == [CONTROL_CHARACTERS]
    assert last_comment() == opted_in
    assert mail.outbox == []


def test_a_notification_that_cannot_be_built_is_logged_and_kept_in_the_history(
    client, article, opted_in, moderator, caplog
):
    # A held reply whose name was stored with a line break, before names were checked.
    BannedWord.objects.create(word="timetable", kind="suspect")
    reply = reply_to(client, article, opted_in, text="Check the timetable.")
    Comment.objects.filter(pk=reply.pk).update(name="Ben Harrow\nBcc: everyone@r.example")
    client.force_login(moderator)
    with caplog.at_level(logging.ERROR, logger="broadsheet.comments"):
        client.post(f"/admin/comments/{reply.pk}/approve/")
    assert mail.outbox == []
    [record] = [r for r in caplog.records if r.name == "broadsheet.comments"]
    assert record.levelno == logging.ERROR
    assert f"comment {reply.pk} (answering comment {opted_in.pk}" in record.getMessage()
    entry = ModerationAction.objects.get(comment=reply, action="notification-failed")
    assert f"author of comment {opted_in.pk} not sent" in entry.reason
    assert "notification-failed" in client.get(f"/admin/comments/{reply.pk}/").content.decode()


def test_one_click_unsubscribe_stops_notifications(client, article, opted_in):
    reply_to(client, article, opted_in, text="First reply.")
    link = unsubscribe_link(mail.outbox[0])
    page = client.get(link)
    assert "no more reply notifications" in page.content.decode()
    assert not Comment.objects.get(pk=opted_in.pk).notify_replies
    reply_to(client, article, opted_in, text="Second reply.", email="dee@r.example")
    assert len(mail.outbox) == 1


def test_mail_client_one_click_post_unsubscribes(client, article, opted_in):
    reply_to(client, article, opted_in, text="A reply.")
    response = client.post(unsubscribe_link(mail.outbox[0]), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Comment.objects.get(pk=opted_in.pk).notify_replies


def test_forged_unsubscribe_link_does_nothing(client, opted_in):
    response = client.get("/comments/unsubscribe/not-a-token/")
    assert response.status_code == 400
    assert Comment.objects.get(pk=opted_in.pk).notify_replies


def test_moderators_get_a_digest_when_the_queue_passes_the_threshold(
    client, article, comment_settings, moderator
):
    comment_settings.hold_first_comments = True
    comment_settings.digest_threshold = 3
    comment_settings.save()
    for n in range(4):
        post_comment(client, article, text=f"Held {n}", email=f"h{n}@r.example", ip=f"10.12.0.{n}")
    digests = [m for m in mail.outbox if "waiting for moderation" in m.subject]
    assert len(digests) == 1
    assert digests[0].to == ["moira@courier.example"]
    assert "3 reader comments" in digests[0].subject
    assert "http://testserver/admin/comments/queue/pending/" in digests[0].body
