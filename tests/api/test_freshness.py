"""The API's responses are purged by the changes that alter them, and cost the same number
of queries whatever the number of articles."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.caching import fragments, keys
from broadsheet.comments.actions import approve_comment
from broadsheet.comments.models import Comment, CommentState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(db, committing):
    # Committed, so that what later changes schedule goes out in batches of their own.
    with committing():
        factories.name_test_site("The Quayside Post")
        return factories.make_section(factories.make_home(), title="City", slug="city")


def named(response) -> set[str]:
    assert response.status_code == 200 and "public" in response["Cache-Control"]
    return keys.parse(response[keys.HEADER])


def test_republishing_an_article_purges_its_detail_and_every_list_showing_it(
    client, cache, section, committing
):
    with committing():
        article = factories.make_article(section, title="Library hours extended", slug="hours")
        other = factories.make_article(section, title="Park benches painted", slug="benches")
    detail = named(client.get(f"/api/v1/articles/{other.pk}"))
    listing = named(client.get("/api/v1/articles?section=city"))
    cache.clear()
    article.title = "Library hours extended again"
    with committing():
        article.save_revision().publish()
    purged = cache.keys()
    assert purged & listing
    assert not purged & (detail - {"site"}) - {"missing"}


def test_approving_a_comment_purges_the_comment_list(client, cache, section, committing):
    with committing():
        article = factories.make_article(section)
    comment = Comment.objects.create(
        article=article,
        name="Nell",
        email="nell@example.org",
        text="Well put.",
        state=CommentState.PENDING,
    )
    shown = named(client.get(f"/api/v1/articles/{article.pk}/comments"))
    cache.clear()
    with committing():
        approve_comment(comment=comment, actor=None)
    assert cache.keys() & shown


def _queries(client, url: str) -> tuple[int, int]:
    """Queries of the answer built (nothing kept) and then kept."""
    counts = []
    fragments.forget_rendered()
    for _ in range(2):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        counts.append(len(captured))
    return counts[0], counts[1]


@pytest.mark.parametrize(
    "url", ["/api/v1/articles?limit=50", "/api/v1/articles?limit=50&fields=id,body_html,tags"]
)
def test_a_list_costs_the_same_queries_at_three_and_twelve_articles(client, section, author, url):
    photo = factories.make_photo("pier")
    for n in range(3):
        factories.make_article(
            section,
            title=f"Pier {n}",
            slug=f"pier-{n}",
            authors=[author],
            tags=["Sea"],
            hero_image=photo,
        )
    client.get(url)  # renditions made on first sight
    few = _queries(client, url)
    assert few[1] == 1  # the generations
    for n in range(3, 12):
        factories.make_article(
            section,
            title=f"Pier {n}",
            slug=f"pier-{n}",
            authors=[author],
            tags=["Sea"],
            hero_image=photo,
        )
    client.get(url)
    assert _queries(client, url) == few
