"""Builders for the reader-site tests: a small newsroom published in one go."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify

from broadsheet.articles.models import ArticleAuthor, ArticlePage, Author, SectionPage
from tests import factories

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def publish(
    section: SectionPage,
    title: str,
    *,
    at: datetime,
    authors: list[Author] = (),
    tags: list[str] = (),
    body: str = "The council met on Tuesday.",
    quick: bool = False,
    **fields,
) -> ArticlePage:
    """An article published the way an editor publishes one: a revision, then publish.

    ``quick`` saves it live straight into the tree instead: several times faster, for filling
    listings. The search index then lacks its tags and authors (see broadsheet.site.signals).
    """
    fields.setdefault("standfirst", "What happened, in a sentence.")
    article = ArticlePage(
        title=title,
        slug=fields.pop("slug", None) or slugify(title)[:50],
        body=factories.paragraphs(body),
        live=quick,
        first_published_at=at,
        last_published_at=at if quick else None,
        **fields,
    )
    article.article_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
    if tags:
        article.tags.add(*tags)
    section.add_child(instance=article)
    if not quick:
        article.save_revision(log_action=False).publish(log_action=False)
        article.refresh_from_db()
    return article


def publish_many(
    section: SectionPage,
    count: int,
    *,
    start: datetime = START,
    prefix: str = "Story",
    quick: bool = True,
    **kwargs,
) -> list[ArticlePage]:
    """``count`` articles one hour apart, oldest first (quickly saved unless ``quick=False``)."""
    return [
        publish(
            section,
            f"{prefix} {index:03d}",
            at=start + timedelta(hours=index),
            quick=quick,
            **kwargs,
        )
        for index in range(count)
    ]


def soup(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def count_queries(client, url: str) -> int:
    """Queries for one request of ``url`` once caches are warm (as on a running server)."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def card_titles(html: BeautifulSoup) -> list[str]:
    return [h.get_text(strip=True) for h in html.select(".article-card__headline")]


@pytest.fixture
def newsroom(home):
    """Two sections and two authors, no articles yet."""
    city = factories.make_section(home, "City", "city")
    sport = factories.make_section(home, "Sport", "sport")
    ada = factories.make_author(role="City hall reporter", bio="Covers the council.")
    bo = factories.make_author(name="Bo Lindqvist", slug="bo-lindqvist")
    return {"home": home, "city": city, "sport": sport, "ada": ada, "bo": bo}


@pytest.fixture
def grow() -> Callable[..., list[ArticlePage]]:
    return publish_many
