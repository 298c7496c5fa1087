"""Work saved per request: the parsed spam filter, rendered comment text, comment links."""

import pytest
from django.test.utils import override_script_prefix
from django.urls import reverse
from django.utils.safestring import SafeString

from broadsheet.comments import actions
from broadsheet.comments.learning import load_filter
from broadsheet.comments.links import attach_links, reader_links
from broadsheet.comments.models import Comment, CommentState, SpamFilterState
from broadsheet.comments.selectors import Node
from broadsheet.comments.spamfilter import SpamFilter
from broadsheet.comments.text import render_text
from tests.comments.helpers import comments_section, last_comment, post_comment
from tests.comments.test_learning import train

pytestmark = pytest.mark.django_db


def pending(article, text: str) -> Comment:
    return Comment.objects.create(article=article, name="x", text=text, state=CommentState.PENDING)


def test_unchanged_state_is_parsed_once_and_checked_with_one_query(
    article, moderator, django_assert_num_queries
):
    actions.mark_spam(comment=pending(article, "Cheap watches"), actor=moderator)
    first = load_filter()
    with django_assert_num_queries(1):
        again = load_filter()
    assert again is first
    assert again.examples == (1, 0)


def test_training_since_the_last_parse_is_seen_at_once(article, moderator):
    comment = pending(article, "Cheap watches")
    actions.mark_spam(comment=comment, actor=moderator)
    assert load_filter().examples == (1, 0)
    actions.approve_comment(comment=pending(article, "Quay Street was busy"), actor=moderator)
    assert load_filter().examples == (1, 1)
    actions.mark_not_spam(comment=comment, actor=moderator)
    assert load_filter().examples == (0, 2)


def test_state_written_elsewhere_is_seen(article, moderator):
    actions.mark_spam(comment=pending(article, "Cheap watches"), actor=moderator)
    assert load_filter().examples == (1, 0)
    other = SpamFilter()
    other.learn("The ferry was late", is_spam=False)
    other.learn("The bridge reopened", is_spam=False)
    row = SpamFilterState.objects.get()
    row.state = other.to_dict()
    row.save()  # another app server's teach() saves the row the same way
    assert load_filter().examples == (0, 2)


def test_no_row_gives_an_untrained_filter_even_after_a_parsed_one(article, moderator):
    actions.mark_spam(comment=pending(article, "Cheap watches"), actor=moderator)
    assert load_filter().examples == (1, 0)
    SpamFilterState.objects.all().delete()
    assert load_filter().examples == (0, 0)


def test_posts_score_with_the_newest_lessons(client, article, comment_settings, moderator):
    train(article, moderator)
    post_comment(client, article, text="Cheap replica watches, order now", ip="10.14.0.1")
    assert last_comment().state == CommentState.SPAM
    # Moderators now teach the opposite for every spam lesson: the next post must reflect it.
    for comment in Comment.objects.filter(trained_as="spam"):
        actions.mark_not_spam(comment=comment, actor=moderator)
    assert load_filter().examples == (0, 50)
    post_comment(
        client,
        article,
        text="Replica watches going cheap, order today",
        ip="10.14.0.2",
        name="Ivo Marsh",
        email="ivo@reader.example",
    )
    verdict = last_comment().verdicts.get(check_name="learned filter")
    assert verdict.score is None
    assert "Still learning (0 spam, 50 not-spam examples)" in verdict.reason


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
