"""The article page costs the same number of queries with 0, 50 or 500 comments."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.caching import fragments
from broadsheet.comments.models import Comment, CommentState

pytestmark = pytest.mark.django_db

# Policy overrides, counts, one page of threads with their replies. (The comment settings are
# remembered by the process until the content changes, see broadsheet.caching.fragments.)
COMMENT_QUERIES = 3
# Once the policy and the threads are shared fragments (anonymous readers): none.
SHARED_COMMENT_QUERIES = 0


def make_comments(article, count: int) -> None:
    """``count`` comments: a third top-level, the rest replies two levels deep, some removed."""
    tops = Comment.objects.bulk_create(
        Comment(article=article, name=f"Reader {n}", text=f"Top {n}", state=CommentState.APPROVED)
        for n in range(max(1, count // 3))
    )[:count]
    replies = []
    for n in range(count - len(tops)):
        top = tops[n % len(tops)]
        state = CommentState.REMOVED if n % 17 == 0 else CommentState.APPROVED
        replies.append(
            Comment(
                article=article,
                parent=top,
                thread=top,
                replied_to=top,
                depth=1,
                name=f"Replier {n}",
                text=f"Reply {n}",
                state=state,
            )
        )
    Comment.objects.bulk_create(replies)


def measure(client, url: str, *, shared: bool = False) -> tuple[int, int]:
    """(all queries, comment queries) of one GET of ``url``, rendered or from shared fragments."""
    client.get(url)  # warm what a running server remembers
    if not shared:
        fragments.forget_rendered()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    ours = [q for q in queries.captured_queries if '"comments_' in q["sql"]]
    return len(queries), len(ours)


@pytest.mark.parametrize("count", [0, 50, 500])
def test_comment_section_costs_three_queries_whatever_the_number(client, article, count):
    make_comments(article, count)
    assert measure(client, article.url)[1] == COMMENT_QUERIES
    assert measure(client, article.url, shared=True)[1] == SHARED_COMMENT_QUERIES
    shown = client.get(article.url).content.decode()
    assert f"Comments ({Comment.objects.visible().count()})" in shown


def test_same_total_for_0_50_and_500_comments(client, article, section, author):
    from tests import factories

    totals, shared = [], []
    for n, count in enumerate([0, 50, 500]):
        other = factories.make_article(section, title=f"Story {n}", authors=[author])
        make_comments(other, count)
        totals.append(measure(client, other.url)[0])
        shared.append(measure(client, other.url, shared=True)[0])
    assert totals[0] == totals[1] == totals[2], totals
    assert shared[0] == shared[1] == shared[2] < totals[0], shared


def test_signed_in_reader_costs_no_more_comment_queries(client, article, reader):
    make_comments(article, 50)
    client.force_login(reader)
    assert measure(client, article.url)[1] == COMMENT_QUERIES
