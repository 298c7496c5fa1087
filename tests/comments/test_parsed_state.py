"""Work saved per request: the parsed spam filter, rendered comment text, comment links."""

import pytest
from django.test.utils import override_script_prefix
from django.urls import reverse
from django.utils.safestring import SafeString

from broadsheet.comments import actions, spamfilter
from broadsheet.comments.learning import load_filter
from broadsheet.comments.links import attach_links, reader_links
from broadsheet.comments.models import Comment, CommentState, SpamFilterState
from broadsheet.comments.selectors import Node
from broadsheet.comments.text import render_text
from tests.comments.helpers import comments_section, last_comment, post_comment
from tests.comments.test_learning import HAM, SPAM, pending, targets, train

pytestmark = pytest.mark.django_db


def test_unchanged_state_is_parsed_once_and_checked_with_one_query(
    article, moderator, django_assert_num_queries
):
    train(article, moderator)
    first = load_filter()
    assert first.kind == spamfilter.SITE
    with django_assert_num_queries(1):
        again = load_filter()
    assert again is first


def test_a_retraining_since_the_last_parse_is_seen_at_once(article, moderator):
    train(article, moderator)
    assert load_filter().decisions == (24, 24)
    actions.mark_spam(
        comment=pending(article, "Free bonus codes at spin-free.bet"), actor=moderator
    )
    actions.retrain_spam_filter(actor=moderator)
    assert load_filter().decisions == (25, 24)


def test_state_written_elsewhere_is_seen(article, moderator):
    train(article, moderator)
    assert load_filter().decisions == (24, 24)
    other = spamfilter.fit(
        [spamfilter.Comment(text) for text in SPAM[:12] + HAM[:12]], [True] * 12 + [False] * 12
    )
    row = SpamFilterState.objects.get()
    row.state = other.to_dict()
    row.save()  # another app server's retraining saves the row the same way
    assert load_filter().decisions == (12, 12)


def test_no_row_gives_the_starter_even_after_a_parsed_site_filter(article, moderator):
    train(article, moderator)
    assert load_filter().kind == spamfilter.SITE
    SpamFilterState.objects.all().delete()
    assert load_filter() is spamfilter.starter()


def test_an_unreadable_state_falls_back_to_the_starter(article, moderator):
    train(article, moderator)
    row = SpamFilterState.objects.get()
    row.state = {"version": 1, "counts": {}}  # the naive Bayes filter's, before version 2
    row.save()
    assert load_filter() is spamfilter.starter()


def test_posts_score_with_the_newest_lessons(client, article, comment_settings, moderator):
    targets(precision=0.95)
    train(article, moderator)
    post_comment(client, article, text="Cheap replica watches, order now", ip="10.14.0.1")
    assert last_comment().state == CommentState.SPAM
    # Moderators now reverse every spam decision: the next post must reflect it.
    for comment in Comment.objects.filter(trained_as="spam"):
        actions.mark_not_spam(comment=comment, actor=moderator)
    actions.retrain_spam_filter(actor=moderator)
    post_comment(
        client,
        article,
        text="Replica watches going cheap, order today",
        ip="10.14.0.2",
        name="Ivo Marsh",
        email="ivo@reader.example",
    )
    verdict = last_comment().verdicts.get(check_name="learned filter")
    assert verdict.reason.startswith("Starter model")
    assert last_comment().state != CommentState.SPAM


def test_rendered_text_is_the_same_every_time():
    text = "See https://sallow.example/ferry\n\nor <b>write</b> to ferry@sallow.example"
    first = render_text(text)
    again = render_text(text)
    assert isinstance(again, SafeString)
    assert again == first
    assert '<a href="https://sallow.example/ferry" rel="nofollow ugc noopener">' in again
    assert "&lt;b&gt;write&lt;/b&gt;" in again
    assert "<p>" in again


def test_comment_links_on_the_page_are_the_reversed_urls(client, article):
    top = Comment.objects.create(article=article, name="a", text="Top", state="approved")
    reply = Comment.objects.create(
        article=article, name="b", text="Reply", state="approved", parent=top, thread=top, depth=1
    )
    section = comments_section(client, article.url)
    for comment in (top, reply):
        body = section.find("li", id=f"comment-{comment.pk}")
        assert body.find("a", class_="comment__permalink")["href"] == reverse(
            "comments:permalink", args=[comment.pk]
        )
        assert body.find("form", class_="comment__like")["action"] == reverse(
            "comments:like", args=[comment.pk]
        )
        assert body.find("a", class_="comment__reply")["href"] == reverse(
            "comments:reply", args=[comment.pk]
        )
        assert body.find("a", class_="comment__report")["href"] == reverse(
            "comments:report", args=[comment.pk]
        )


@pytest.mark.parametrize("prefix", ["/", "/news/", "/918273645/"])
def test_filled_in_links_match_reverse_under_any_script_prefix(article, prefix):
    top = Comment.objects.create(article=article, name="a", text="Top", state="approved")
    reply = Comment.objects.create(
        article=article, name="b", text="Reply", state="approved", parent=top, thread=top, depth=1
    )
    node = Node(top, children=[Node(reply)])
    with override_script_prefix(prefix):
        attach_links([node])
        for shown in (node, node.children[0]):
            assert shown.links == reader_links(shown.comment.pk)
            assert shown.links["like"] == reverse("comments:like", args=[shown.comment.pk])
            assert shown.links["like"].startswith(prefix)
