"""What an app server keeps between comment posts: bans, word lists, the learned filter's version
and the comment policy. Each test posts once (so the process remembers), changes something the
way a moderator does, and checks the very next post is judged by the change.
"""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broadsheet.comments import actions
from broadsheet.comments.models import BannedWord, CommentPolicyOverride, CommentState
from broadsheet.comments.pipeline import bans
from tests import factories
from tests.comments.helpers import last_comment, post_comment
from tests.comments.test_learning import targets, train

pytestmark = pytest.mark.django_db

MODERATION_TABLES = (
    "comments_ban",
    "comments_bannedword",
    "comments_spamfilterstate",
    "comments_commentpolicyoverride",
)


def post(client, article, n: int):
    response = post_comment(
        client,
        article,
        email=f"reader{n}@reader.example",
        text=f"The ferry timetable change number {n} suits me fine.",
        ip=f"10.20.0.{n}",
    )
    assert response.status_code in (302, 303)
    return last_comment()


def bans_verdict(comment):
    return comment.verdicts.get(check_name="bans")


def test_a_remembered_post_reads_no_moderation_tables(client, article):
    # Held for moderation (a first comment): nothing on the page changes between the posts.
    assert post(client, article, 1).state == CommentState.PENDING
    with CaptureQueriesContext(connection) as queries:
        response = post_comment(client, article, email="reader2@reader.example", ip="10.20.0.2")
    assert response.status_code == 302
    sql = [q["sql"] for q in queries.captured_queries]
    assert not [q for q in sql if any(table in q for table in MODERATION_TABLES)]
    # The generations, the commenter's record with the same words sent before (one query for
    # the duplicate, learned filter and trust checks), three inserts in a transaction, and
    # whether the held queue has grown past the digest threshold. (The staff and author names
    # a commenter may not take are remembered like the bans.)
    assert len([q for q in sql if "SAVEPOINT" not in q and q not in ("BEGIN", "COMMIT")]) == 6


@override_settings(BROADSHEET_FRAGMENT_CACHE_TIMEOUT=0)
def test_turned_off_with_the_fragments_every_post_reads_the_bans(client, article, comment_settings):
    post(client, article, 1)
    with CaptureQueriesContext(connection) as queries:
        post(client, article, 2)
    assert any("comments_ban" in q["sql"] for q in queries.captured_queries)


def test_a_new_ban_applies_to_the_next_post(client, article, comment_settings, moderator):
    post(client, article, 1)
    actions.ban_commenter(actor=moderator, email="reader2@reader.example", reason="Flooding")
    comment = post(client, article, 2)
    assert comment.state == CommentState.REJECTED
    assert "Flooding" in bans_verdict(comment).reason
    assert post(client, article, 3).state == CommentState.APPROVED


def test_a_lifted_ban_stops_applying_at_once(client, article, comment_settings, moderator):
    [ban] = actions.ban_commenter(actor=moderator, domain="reader.example", reason="Spam wave")
    assert post(client, article, 1).state == CommentState.REJECTED
    actions.lift_ban(ban=ban, actor=moderator)
    assert post(client, article, 2).state == CommentState.APPROVED


def test_a_deleted_ban_stops_applying_at_once(client, article, comment_settings, moderator):
    [ban] = actions.ban_commenter(actor=moderator, domain="reader.example", reason="Spam wave")
    assert post(client, article, 1).state == CommentState.REJECTED
    ban.delete()
    assert post(client, article, 2).state == CommentState.APPROVED


def test_a_kept_suspension_is_checked_against_the_clock(
    client, article, comment_settings, moderator
):
    post(client, article, 1)  # templates and lookups warm: the next post is quick
    until = timezone.now() + timedelta(seconds=2)
    actions.ban_commenter(actor=moderator, domain="reader.example", until=until)
    assert post(client, article, 2).state == CommentState.REJECTED
    # Nothing moved the generation: the process still keeps the suspension, and must notice
    # on its own that it has ended.
    time.sleep(max(0.0, (until - timezone.now()).total_seconds()) + 0.05)
    with CaptureQueriesContext(connection) as queries:
        comment = post(client, article, 3)
    assert comment.state == CommentState.APPROVED
    assert not any("comments_ban" in q["sql"] for q in queries.captured_queries)


def test_ip_and_account_bans_apply_through_the_kept_index(
    client, article, comment_settings, moderator, reader
):
    first = post(client, article, 1)
    actions.ban_commenter(actor=moderator, ip_hash=first.ip_hash, reason="Same machine")
    cache.clear()  # the same address again within the rate limit's interval
    response = post_comment(client, article, email="other@else.example", ip="10.20.0.1")
    assert response.status_code == 302
    assert "Same machine" in bans_verdict(last_comment()).reason
    actions.ban_commenter(actor=moderator, user=reader, reason="Account")
    client.force_login(reader)
    cache.clear()
    post_comment(client, article, ip="10.40.0.1")
    assert last_comment().user == reader
    assert "Account" in bans_verdict(last_comment()).reason


def test_the_newest_ban_that_applies_is_the_one_reported(
    client, article, comment_settings, moderator
):
    actions.ban_commenter(actor=moderator, domain="reader.example", reason="Older domain ban")
    actions.ban_commenter(actor=moderator, email="reader1@reader.example", reason="Newer")
    assert "Newer" in bans_verdict(post(client, article, 1)).reason


def test_past_the_kept_limit_bans_are_asked_for_each_post(
    client, article, comment_settings, moderator, monkeypatch
):
    monkeypatch.setattr(bans, "KEPT_BANS", 1)
    actions.ban_commenter(actor=moderator, domain="elsewhere.example")
    actions.ban_commenter(actor=moderator, email="reader2@reader.example", reason="Listed")
    assert post(client, article, 1).state == CommentState.APPROVED
    with CaptureQueriesContext(connection) as queries:
        comment = post(client, article, 2)
    assert comment.state == CommentState.REJECTED
    assert "Listed" in bans_verdict(comment).reason
    assert any("comments_ban" in q["sql"] for q in queries.captured_queries)


def test_training_the_filter_keeps_the_bans_and_words(client, article, moderator):
    post(client, article, 1)
    actions.approve_comment(comment=last_comment(), actor=moderator)  # a decision for the filter
    actions.retrain_spam_filter(actor=moderator)  # saves the filter's state
    with CaptureQueriesContext(connection) as queries:
        post(client, article, 2)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "comments_spamfilterstate" in sql
    assert "comments_ban" not in sql and "comments_bannedword" not in sql


def test_erasing_a_commenter_removes_their_email_ban(client, article, comment_settings, moderator):
    actions.ban_commenter(actor=moderator, email="reader1@reader.example", reason="Abuse")
    assert post(client, article, 1).state == CommentState.REJECTED
    actions.erase_commenter(email="reader1@reader.example", actor=moderator)
    cache.clear()  # the same reader again within the rate limit's interval
    assert post(client, article, 1).state == CommentState.APPROVED


def test_a_new_banned_word_applies_to_the_next_post(client, article, comment_settings):
    post(client, article, 1)
    BannedWord.objects.create(word="timetable", kind=BannedWord.Kind.SUSPECT)
    comment = post(client, article, 2)
    assert comment.state == CommentState.PENDING
    assert "timetable" in comment.verdicts.get(check_name="word lists").reason
    BannedWord.objects.all().delete()
    assert post(client, article, 3).state == CommentState.APPROVED


def test_the_filter_a_moderator_trained_judges_the_next_post(
    client, article, comment_settings, moderator
):
    post(client, article, 1)
    targets(precision=0.95)
    train(article, moderator)
    post_comment(
        client, article, text="Cheap replica watches, order now at discount prices", ip="10.9.0.1"
    )
    assert last_comment().verdicts.get(check_name="learned filter").verdict == "spam"


def test_an_override_moved_to_another_article_frees_the_first(
    client, article, section, comment_settings, moderator
):
    other = factories.make_article(section, title="Quay works finish", slug="quay-works")
    actions.close_comments(article=article, actor=moderator)
    assert post_comment(client, article, ip="10.50.0.1").status_code == 403
    override = CommentPolicyOverride.objects.get(page=article)
    override.page_id = other.pk  # as the moderators' admin form can
    override.save()
    assert post(client, article, 1).state == CommentState.APPROVED
    response = post_comment(client, other, email="reader2@reader.example", ip="10.20.0.2")
    assert response.status_code == 403


def test_closing_comments_refuses_the_next_post(client, article, comment_settings, moderator):
    post(client, article, 1)
    actions.close_comments(article=article, actor=moderator, reason="Legal advice")
    response = post_comment(client, article, email="reader2@reader.example", ip="10.20.0.2")
    assert response.status_code == 403
    assert b"Comments are closed." in response.content
