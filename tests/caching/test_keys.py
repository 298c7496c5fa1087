"""Every page names the surrogate keys of what it shows, whether rendered or remembered.

Read through the test client, as the HTTP cache reads them: the ``Surrogate-Key`` header of
shareable responses. What a change purges is tests/caching/test_purging.py; together they
make "a change purges every page that shows it".
"""

import pytest
from django.test import override_settings

from broadsheet.caching import keys
from broadsheet.comments.models import Comment, CommentState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    home = factories.make_home()
    section = factories.make_section(home)
    author = factories.make_author()
    return factories.make_article(
        section,
        title="Ferry timetable changes",
        slug="ferry-timetable",
        authors=[author],
        tags=["ferries"],
    )


def named(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code in (200, 404), url
    return keys.parse(response[keys.HEADER])


def test_each_reader_page_names_what_it_lists(client, article):
    section = article.get_parent()
    author = article.article_authors.get().author
    page, comments = f"page-{article.pk}", f"comments-{article.pk}"

    assert {page, comments, "site"} <= named(client, "/city/ferry-timetable/")
    assert {f"section-{section.pk}", f"page-{section.pk}"} <= named(client, "/city/")
    assert {"articles", "comments"} <= named(client, "/")
    assert "topic-ferries" in named(client, "/topics/ferries/")
    assert f"author-{author.pk}" in named(client, f"/authors/{author.slug}/")
    for url in ("/archive/", "/search/?q=ferry", "/sitemap.xml", "/feeds/rss/"):
        assert "articles" in named(client, url), url
    assert f"section-{section.pk}" in named(client, "/feeds/sections/city/rss/")
    assert "topic-ferries" in named(client, "/feeds/topics/ferries/atom/")
    assert f"author-{author.pk}" in named(client, f"/feeds/authors/{author.slug}/json/")
    assert {page, comments} <= named(client, f"/feeds/comments/{article.pk}/rss/")


def test_a_page_lists_the_articles_it_shows_beside_its_own(client, article):
    neighbour = factories.make_article(article.get_parent().specific, slug="night-bus")

    # "More from the section" and the neighbours name each article they show.
    assert f"page-{article.pk}" in named(client, "/city/night-bus/")
    assert f"page-{neighbour.pk}" in named(client, "/city/ferry-timetable/")


def test_a_remembered_page_names_the_same_keys_as_a_rendered_one(client, article):
    Comment.objects.create(
        article=article, name="Tomas", text="The ferry matters.", state=CommentState.APPROVED
    )
    for url in ("/city/ferry-timetable/", "/city/", "/", "/feeds/rss/"):
        first = named(client, url)  # renders and stores its fragments
        assert named(client, url) == first, url  # from what was remembered


@override_settings(BROADSHEET_FRAGMENT_CACHE_TIMEOUT=0)
def test_without_fragments_pages_name_the_same_keys(client, article):
    assert {f"page-{article.pk}", f"comments-{article.pk}"} <= named(
        client, "/city/ferry-timetable/"
    )


def test_a_missing_page_names_what_publishing_purges(client, article):
    # A reader asked before it was published: publishing purges the stored "not found".
    assert {"missing", "site"} <= named(client, "/city/not-yet-published/")
    assert "missing" in named(client, "/topics/no-such-topic/")


def test_private_responses_name_no_keys(client, article, admin_user):
    client.force_login(admin_user)

    assert keys.HEADER not in client.get("/city/ferry-timetable/")
