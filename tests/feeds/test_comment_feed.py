"""The per-article comments feed: approved comments only, newest first, in every format."""

import json
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageViewRestriction

from broadsheet.comments.models import Comment, CommentState
from tests import factories
from tests.feeds.conftest import PUBLISHED, count_queries

pytestmark = pytest.mark.django_db


def comments_url(article, fmt: str) -> str:
    return reverse("feeds:comments", kwargs={"article_id": article.pk, "fmt": fmt})


def comment(article, name: str, text: str, minutes: int, state=CommentState.APPROVED) -> Comment:
    return Comment.objects.create(
        article=article,
        name=name,
        text=text,
        state=state,
        created_at=PUBLISHED + timedelta(minutes=minutes),
    )


@pytest.fixture
def discussion(article):
    return {
        "first": comment(article, "Orla Penn", "The old bridge\n\nwas prettier.", 5),
        "reply": comment(article, "Tomas Reed", "Safer now, though & wider.", 9),
        "pending": comment(article, "Spammer", "Cheap boats", 10, CommentState.PENDING),
        "removed": comment(article, "Troll", "Rude words", 11, CommentState.REMOVED),
        "spam": comment(article, "Bot", "Buy now", 12, CommentState.SPAM),
    }


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_comment_feed_lists_approved_comments_newest_first(client, article, discussion, fmt):
    parsed = feedparser.parse(client.get(comments_url(article, fmt)).content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "Comments on “Harbour bridge reopens after repairs”"
    assert parsed.feed.link == "http://testserver/city/harbour-bridge-reopens/#comments"
    assert [entry.title for entry in parsed.entries] == [
        "Comment by Tomas Reed",
        "Comment by Orla Penn",
    ]
    newest, oldest = parsed.entries
    assert newest.author == "Tomas Reed"
    assert newest.link == f"http://testserver/comments/{discussion['reply'].pk}/"
    assert newest.id == f"tag:testserver,2025-12-06:comment/{discussion['reply'].pk}"
    text = BeautifulSoup(oldest.summary, "html.parser")
    assert [p.get_text() for p in text.find_all("p")] == ["The old bridge", "was prettier."]


def test_comment_feed_in_json(client, article, discussion):
    document = json.loads(client.get(comments_url(article, "json")).content)
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert document["title"] == "Comments on “Harbour bridge reopens after repairs”"
    first, second = document["items"]
    assert first["content_text"] == "Safer now, though & wider."
    assert first["authors"] == [{"name": "Tomas Reed"}]
    assert first["date_published"] == "2025-12-06T09:39:00+00:00"
    assert second["id"] == f"tag:testserver,2025-12-06:comment/{discussion['first'].pk}"


def test_comment_permalink_in_the_feed_leads_to_the_comment(client, article, discussion):
    item = json.loads(client.get(comments_url(article, "json")).content)["items"][0]
    response = client.get(item["url"].removeprefix("http://testserver"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{discussion['reply'].pk}")


def test_no_comments_feed_for_unpublished_or_private_articles(client, section, article):
    draft = factories.make_article(section, title="Draft", publish=False)
    assert client.get(comments_url(draft, "rss")).status_code == 404
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    assert client.get(comments_url(article, "rss")).status_code == 404


def test_comment_feed_queries_do_not_grow_with_comments(client, article, discussion):
    small = count_queries(client, comments_url(article, "atom"))
    for n in range(20):
        comment(article, f"Reader {n}", f"Comment number {n}", 20 + n)
    assert count_queries(client, comments_url(article, "atom")) == small
    print(f"\ncomment feed queries (2 and 22 comments): {small}")
