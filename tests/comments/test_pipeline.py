"""Each moderation check: one post that trips it, one that passes, both through HTTP."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from broadsheet.comments.models import Ban, BannedWord, Comment, CommentState, CommentVerdict
from broadsheet.comments.pipeline.timestamp import make_token
from broadsheet.comments.text import hash_ip, normalise
from tests.comments.helpers import last_comment, post_comment

pytestmark = pytest.mark.django_db


def verdict(check_name: str) -> CommentVerdict:
    return last_comment().verdicts.get(check_name=check_name)


def test_every_check_leaves_a_verdict_and_the_first_decisive_one_wins(client, article):
    BannedWord.objects.create(word="swindle", kind=BannedWord.Kind.SUSPECT)
    post_comment(
        client,
        article,
        text="A swindle, with https://a.example https://b.example https://c.example",
    )
    comment = last_comment()
    names = list(comment.verdicts.values_list("check_name", flat=True))
    assert names == [
        "honeypot",
        "timestamp",
        "rate limit",
        "bans",
        "word lists",
        "duplicates",
        "links",
        "learned filter",
        "trust",
        "pre-moderation",
    ]
    decisive = comment.verdicts.filter(decisive=True)
    assert [(v.check_name, v.verdict) for v in decisive] == [("word lists", "hold")]
    assert comment.state == CommentState.PENDING


def test_honeypot_filled_is_spam(client, article, comment_settings):
    post_comment(client, article, website="https://cheap.example")
    assert last_comment().state == CommentState.SPAM
    assert verdict("honeypot").verdict == "spam"


def test_honeypot_empty_passes(client, article, comment_settings):
    post_comment(client, article)
    assert verdict("honeypot").verdict == "approve"
    assert last_comment().state == CommentState.APPROVED


def test_form_sent_too_fast_is_spam(client, article, comment_settings):
    post_comment(client, article, token=make_token(article.pk))
    assert last_comment().state == CommentState.SPAM
    assert "after the form was shown" in verdict("timestamp").reason


def test_forged_or_missing_token_is_spam(client, article, comment_settings):
    post_comment(client, article, token="not-a-token")
    assert verdict("timestamp").verdict == "spam"
    other = make_token(article.pk + 1000, now=time.time() - 60)
    post_comment(client, article, token=other, email="b@r.example", text="Another")
    assert verdict("timestamp").verdict == "spam"


def test_expired_form_is_shown_again_with_the_text_kept(client, article, comment_settings):
    old = make_token(article.pk, now=time.time() - 3 * 24 * 3600)
    response = post_comment(client, article, token=old, text="Written slowly over days.")
    assert response.status_code == 400
    body = response.content.decode()
    assert "This form was open too long" in body
    assert "Written slowly over days." in body
    assert not Comment.objects.exists()


def test_timestamp_in_range_passes(client, article, comment_settings):
    post_comment(client, article)
    assert verdict("timestamp").verdict == "approve"


def test_second_post_within_flood_interval_gets_a_429_page_with_text_kept(
    client, article, comment_settings
):
    assert post_comment(client, article, text="First thought.").status_code == 302
    response = post_comment(client, article, text="Second thought, too soon.")
    assert response.status_code == 429
    assert "Second thought, too soon." in response.content.decode()
    assert "commenting very fast" in response.content.decode()
    assert Comment.objects.count() == 1


def test_rate_limit_is_also_per_ip_across_commenters(client, article, comment_settings):
    post_comment(client, article, email="one@r.example")
    response = post_comment(client, article, email="two@r.example", text="Same machine")
    assert response.status_code == 429


@override_settings(
    BROADSHEET_COMMENT_CHECKS=[
        {
            "BACKEND": "broadsheet.comments.pipeline.ratelimit.RateLimitCheck",
            "MIN_INTERVAL": 0,
            "PER_HOUR": 2,
        }
    ]
)
def test_hourly_limit(client, article, comment_settings):
    for n in range(2):
        assert post_comment(client, article, text=f"Post {n}").status_code == 302
    assert post_comment(client, article, text="Post 3").status_code == 429


def test_separate_commenters_on_separate_addresses_are_not_limited(
    client, article, comment_settings
):
    post_comment(client, article, email="one@r.example", ip="10.0.0.1")
    response = client.post(
        f"/comments/post/{article.pk}/",
        {
            "name": "Other",
            "email": "two@r.example",
            "text": "Different person",
            "token": make_token(article.pk, now=time.time() - 60),
        },
        HTTP_ORIGIN="http://testserver",
        REMOTE_ADDR="10.0.0.2",
    )
    assert response.status_code == 302
    assert verdict("rate limit").verdict == "approve"


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        (Ban.Kind.EMAIL, "tamsin@reader.example"),
        (Ban.Kind.DOMAIN, "reader.example"),
        (Ban.Kind.IP_HASH, hash_ip("127.0.0.1")),
    ],
)
def test_banned_commenter_is_rejected(client, article, comment_settings, kind, value):
    Ban.objects.create(kind=kind, value=value, reason="Threats")
    post_comment(client, article)
    assert last_comment().state == CommentState.REJECTED
    assert "Threats" in verdict("bans").reason


def test_banned_account_is_rejected(client, article, comment_settings, reader):
    Ban.objects.create(kind=Ban.Kind.USER, user=reader, reason="Abuse")
    client.force_login(reader)
    post_comment(client, article, name=None, email=None)
    assert last_comment().state == CommentState.REJECTED


def test_expired_or_lifted_ban_no_longer_applies(client, article, comment_settings):
    now = timezone.now()
    Ban.objects.create(
        kind=Ban.Kind.EMAIL, value="tamsin@reader.example", expires_at=now - timedelta(hours=1)
    )
    Ban.objects.create(kind=Ban.Kind.DOMAIN, value="reader.example", lifted_at=now)
    post_comment(client, article)
    assert verdict("bans").verdict == "approve"
    assert last_comment().state == CommentState.APPROVED


@pytest.mark.parametrize(
    "text",
    [
        "This is a SWINDLE.",
        "what a sw1ndle",
        "Such a swíndle!",
        "a ѕwindle",  # Cyrillic dze for the s
        "ＳＷＩＮＤＬＥ",  # full-width letters
        "pure $w!ndle",
    ],
)
def test_banned_word_disguised_is_rejected(client, article, comment_settings, text):
    BannedWord.objects.create(word="swindle", kind=BannedWord.Kind.BAN)
    post_comment(client, article, text=text)
    assert last_comment().state == CommentState.REJECTED
    assert verdict("word lists").reason == "Banned words: swindle"


def test_banned_word_matches_only_whole_words(client, article, comment_settings):
    BannedWord.objects.create(word="ass", kind=BannedWord.Kind.BAN)
    post_comment(
        client, article, text="The assembly passed the harbour budget; a classic compromise."
    )
    assert verdict("word lists").verdict == "approve"
    assert last_comment().state == CommentState.APPROVED


def test_suspect_word_holds(client, article, comment_settings):
    BannedWord.objects.create(word="crypto giveaway", kind=BannedWord.Kind.SUSPECT)
    post_comment(client, article, text="Join the Crypto   Giveaway now")
    assert last_comment().state == CommentState.PENDING
    assert verdict("word lists").verdict == "hold"


def test_normalise_keeps_sentence_punctuation_as_word_boundary():
    assert normalise("Hello!") == "hello!"
    assert normalise("h3ll0 W0rld") == "hello world"


def test_same_commenter_same_text_is_rejected_as_duplicate(client, article, comment_settings):
    post_comment(client, article, text="The ferry is late again.")
    cache.clear()  # past the flood interval
    post_comment(client, article, text="the ferry is LATE again!")
    assert last_comment().state == CommentState.REJECTED
    assert verdict("duplicates").verdict == "reject"


def test_same_text_flooding_several_articles_is_spam(
    client, article, section, author, comment_settings
):
    from tests import factories

    text = "Visit my shop for cheap ferry tickets"
    for n in range(3):
        other = factories.make_article(section, title=f"Other story {n}", authors=[author])
        post_comment(client, other, text=text, email=f"flood{n}@r.example", ip=f"10.1.0.{n}")
        cache.clear()
    post_comment(client, article, text=text, email="flood9@r.example")
    assert last_comment().state == CommentState.SPAM
    assert "3 other articles" in verdict("duplicates").reason


def test_different_text_is_not_a_duplicate(client, article, comment_settings):
    post_comment(client, article, text="First point.")
    cache.clear()
    post_comment(client, article, text="A second, different point.")
    assert verdict("duplicates").verdict == "approve"


def test_more_links_than_allowed_holds(client, article, comment_settings):
    post_comment(client, article, text="See https://a.example, https://b.example and www.c.example")
    assert last_comment().state == CommentState.PENDING
    assert verdict("links").reason == "3 links (more than 2)."


def test_links_within_limit_pass(client, article, comment_settings):
    post_comment(client, article, text="Timetable: https://ferries.example/sallow")
    assert verdict("links").verdict == "approve"


def test_new_commenter_held_until_approved_comments(client, article):
    post_comment(client, article, text="My first.")
    assert last_comment().state == CommentState.PENDING
    assert verdict("trust").verdict == "hold"
    Comment.objects.update(state=CommentState.APPROVED)
    cache.clear()
    post_comment(client, article, text="My second.")
    assert verdict("trust").verdict == "approve"
    assert last_comment().state == CommentState.APPROVED


def test_commenter_with_high_rejection_rate_is_premoderated(client, article, comment_settings):
    for n, state in enumerate(["approved", "rejected", "rejected", "spam"]):
        Comment.objects.create(
            article=article, name="T", email="tamsin@reader.example", text=f"old {n}", state=state
        )
    post_comment(client, article, text="Another go.")
    assert verdict("trust").verdict == "hold"
    assert "75%" in verdict("trust").reason
    Comment.objects.filter(state__in=["rejected", "spam"]).update(state="approved")
    cache.clear()
    post_comment(client, article, text="And another.")
    assert verdict("trust").verdict == "approve"


def test_premoderated_mode_holds_every_comment(client, article, comment_settings):
    comment_settings.mode = "premoderated"
    comment_settings.save()
    post_comment(client, article)
    assert last_comment().state == CommentState.PENDING
    assert verdict("pre-moderation").verdict == "hold"


def test_open_mode_passes_premoderation(client, article, comment_settings):
    post_comment(client, article)
    assert verdict("pre-moderation").verdict == "approve"


@override_settings(
    BROADSHEET_COMMENT_CHECKS=[
        {"BACKEND": "broadsheet.comments.pipeline.links.LinkCountCheck"},
        {"BACKEND": "broadsheet.comments.pipeline.honeypot.HoneypotCheck"},
    ]
)
def test_pipeline_is_configured_by_the_setting(client, article, comment_settings):
    post_comment(client, article, text="https://a.example https://b.example https://c.example")
    comment = last_comment()
    assert list(comment.verdicts.values_list("check_name", flat=True)) == ["links", "honeypot"]
