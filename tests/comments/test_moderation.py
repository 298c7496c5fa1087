"""Moderators act on comments through the Comments area of Wagtail's admin."""

import pytest
from bs4 import BeautifulSoup

from broadsheet.comments.models import (
    Ban,
    Comment,
    CommentPolicyOverride,
    CommentState,
    ModerationAction,
    Report,
)
from tests.comments.helpers import comments_section, last_comment, post_comment

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(client, article):
    post_comment(client, article, text="Bring back the harbour market.", email="kit@r.example")
    comment = last_comment()
    assert comment.state == CommentState.PENDING
    return comment


@pytest.fixture
def mod(client, moderator):
    client.force_login(moderator)
    return client


def act(client, comment, verb, **data):
    return client.post(f"/admin/comments/{comment.pk}/{verb}/", data)


def test_pending_queue_lists_the_comment_with_counts_in_the_menu(mod, pending):
    page = mod.get("/admin/comments/queue/pending/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bring back the harbour market." in html
    assert "Pending (1)" in html
    assert "Reported (0)" in html


def test_approve_publishes_and_logs(mod, client, article, pending, moderator):
    act(mod, pending, "approve", reason="Fine")
    pending.refresh_from_db()
    assert pending.state == CommentState.APPROVED
    entry = ModerationAction.objects.get(comment=pending, action="approved")
    assert (entry.actor, entry.from_state, entry.to_state, entry.reason) == (
        moderator,
        "pending",
        "approved",
        "Fine",
    )
    mod.logout()
    assert comments_section(client, article.url).find("li", id=f"comment-{pending.pk}")


def test_reject_with_reason_keeps_the_row(mod, pending):
    act(mod, pending, "reject", reason="Personal attack")
    pending.refresh_from_db()
    assert pending.state == CommentState.REJECTED
    assert pending.text == "Bring back the harbour market."
    assert ModerationAction.objects.get(action="rejected").reason == "Personal attack"


def test_spam_and_not_spam_are_reversible(mod, pending):
    act(mod, pending, "spam")
    pending.refresh_from_db()
    assert (pending.state, pending.trained_as) == (CommentState.SPAM, "spam")
    act(mod, pending, "not-spam")
    pending.refresh_from_db()
    assert (pending.state, pending.trained_as) == (CommentState.APPROVED, "ham")
    actions = list(
        ModerationAction.objects.filter(comment=pending).values_list("action", flat=True)
    )
    assert {"marked-spam", "marked-not-spam"} <= set(actions)


def test_feature_marks_and_lists_first(mod, client, article, pending):
    act(mod, pending, "approve")
    act(mod, pending, "feature")
    assert Comment.objects.get(pk=pending.pk).featured
    mod.logout()
    item = comments_section(client, article.url).find("li", id=f"comment-{pending.pk}")
    assert "comment--featured" in item["class"]


def test_moderator_edit_keeps_the_original(mod, client, article, pending):
    act(mod, pending, "approve")
    act(mod, pending, "edit", text="Bring back the market.", reason="Trimmed")
    pending.refresh_from_db()
    assert pending.text == "Bring back the market."
    assert pending.original_text == "Bring back the harbour market."
    assert pending.edited_at is not None
    mod.logout()
    item = comments_section(client, article.url).find("li", id=f"comment-{pending.pk}")
    assert item.find(class_="comment__edited")


def test_ban_for_a_time_and_forever(mod, pending):
    act(mod, pending, "ban", targets=["email"], days="7", reason="Spamming")
    act(mod, pending, "ban", targets=["ip", "domain"], reason="Flood")
    bans = {ban.kind: ban for ban in Ban.objects.all()}
    assert bans["email"].value == "kit@r.example"
    assert bans["email"].expires_at is not None
    assert bans["ip"].value == pending.ip_hash and bans["ip"].expires_at is None
    assert bans["domain"].value == "r.example"
    assert ModerationAction.objects.filter(action="banned").count() == 3


def test_close_and_reopen_an_articles_comments(mod, client, article, pending):
    act(mod, pending, "close", reason="Legal advice")
    assert CommentPolicyOverride.objects.get(page=article).mode == "closed"
    mod.logout()
    assert comments_section(client, article.url).find(class_="comments__closed")
    mod.force_login(ModerationAction.objects.get(action="closed").actor)
    act(mod, pending, "reopen")
    mod.logout()
    assert comments_section(client, article.url).find("form", id="comment-form")


def test_bulk_actions(mod, article):
    from django.test import Client

    guest = Client()
    for n in range(3):
        post_comment(guest, article, text=f"Held {n}", email=f"b{n}@r.example", ip=f"10.9.0.{n}")
    ids = [str(pk) for pk in Comment.objects.values_list("pk", flat=True)]
    mod.post("/admin/comments/bulk/", {"action": "approve", "ids": ids[:2]})
    mod.post("/admin/comments/bulk/", {"action": "spam", "ids": ids[2:]})
    states = list(Comment.objects.order_by("pk").values_list("state", flat=True))
    assert states == ["approved", "approved", "spam"]
    mod.post("/admin/comments/bulk/", {"action": "reject", "ids": ids})
    assert set(Comment.objects.values_list("state", flat=True)) == {"rejected"}


def test_detail_shows_context_verdicts_reports_and_history(mod, client, article, pending):
    act(mod, pending, "approve")
    Report.objects.create(comment=pending, reason="abuse", note="Rude to the mayor")
    page = BeautifulSoup(mod.get(f"/admin/comments/{pending.pk}/").content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert article.title in text
    assert "trust" in text and "New commenter" in text
    assert "Abusive or hateful" in text and "Rude to the mayor" in text
    assert "kit@r.example" in text


def test_reported_queue_and_action_resolves_reports(mod, pending):
    act(mod, pending, "approve")
    Report.objects.create(comment=pending, reason="spam")
    assert "Bring back" in mod.get("/admin/comments/queue/reported/").content.decode()
    act(mod, pending, "reject")
    assert Report.objects.get().resolved_at is not None
    assert "Bring back" not in mod.get("/admin/comments/queue/reported/").content.decode()


def test_filters_and_search(mod, article, section, author):
    from django.test import Client

    from tests import factories

    client = Client()
    other = factories.make_article(section, title="Bus lanes", authors=[author])
    post_comment(client, article, text="Ferries please", email="f@r.example", ip="10.10.0.1")
    post_comment(client, other, text="Buses please", email="g@r.example", ip="10.10.0.2")

    def listed(query):
        return mod.get("/admin/comments/queue/pending/" + query).content.decode()

    assert "Buses please" not in listed(f"?article={article.pk}")
    assert "Ferries please" not in listed("?q=buses")
    assert "Buses please" not in listed("?commenter=f@r.example")
    assert "Ferries please" in listed("?section=city")


def test_moderation_log_lists_actions(mod, pending):
    act(mod, pending, "reject", reason="Off-topic rant")
    html = mod.get("/admin/comments/log/").content.decode()
    assert "rejected" in html and "Off-topic rant" in html


def test_banned_words_are_editable_in_the_admin(mod):
    response = mod.post("/admin/comment_words/new/", {"word": "grifter", "kind": "suspect"})
    assert response.status_code == 302
    from broadsheet.comments.models import BannedWord

    assert BannedWord.objects.get().word == "grifter"
