"""Publishing, moving, unpublishing and moderating send exactly the purges the rules promise.

The cache here is a small HTTP server on 127.0.0.1 that records the PURGE and BAN requests
Broadsheet sends: the same requests real Varnish answers in tests/e2e.
"""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purging
from wagtail.signals import page_published

from broadsheet.articles.models import ArticleAuthor, ArticlePage, Author, HomePage
from broadsheet.comments.actions.moderate import approve_comment, close_comments
from broadsheet.comments.models import Comment, CommentState
from broadsheet.freshness import handlers
from broadsheet.freshness.purge_rules import Scope, Target, ban_pattern
from broadsheet.settings.services import purgers
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"


def ban(path: str, scope: Scope) -> str:
    return ban_pattern(Target(ROOT, path, scope))


def article_bans(path: str, section: str) -> set[str]:
    return {ban(path, Scope.TREE), ban(section, Scope.LISTING), ban("/", Scope.LISTING)}


@pytest.fixture
def cache(recording_cache, settings):
    settings.WAGTAILFRONTENDCACHE = purgers([recording_cache.location])
    return recording_cache


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what the block scheduled as if its transaction committed.

    Tests run inside one transaction that never commits; everything a test changes goes
    through this, so each change's purge batch is sent when its block ends, as in production.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def article(db, committing):
    with committing():
        section = factories.make_section(factories.make_home())
        author = factories.make_author()
        return factories.make_article(
            section,
            title="Ferry timetable changes",
            slug="ferry-timetable",
            authors=[author],
            tags=["ferries", "river-sallow"],
        )


def test_publishing_an_article_bans_every_page_that_shows_it(cache, article, committing):
    cache.clear()
    article.title = "Ferry timetable changes for winter"
    with committing():
        article.save_revision().publish()

    assert cache.bans() == {
        ban("/city/ferry-timetable/", Scope.TREE),
        ban("/city/", Scope.LISTING),
        ban("/", Scope.LISTING),
        ban("/topics/ferries/", Scope.LISTING),
        ban("/topics/river-sallow/", Scope.LISTING),
        ban("/authors/ada-brennan/", Scope.LISTING),
        ban("/feeds/", Scope.TREE),
        ban("/search/", Scope.TREE),
        ban("/archive/", Scope.TREE),
        ban("/sitemap.xml", Scope.LISTING),
        ban("/sitemap-news.xml", Scope.LISTING),
        ban("/sitemap-pages.xml", Scope.LISTING),
        ban("/sitemap-articles.xml", Scope.LISTING),
        ban("/sitemap-authors.xml", Scope.LISTING),
        ban("/sitemap-topics.xml", Scope.LISTING),
    }
    assert {host for _, host, _, _ in cache.received} == {"localhost"}


def test_a_removed_tag_and_author_still_get_their_pages_purged(cache, article, committing):
    with committing():
        other = factories.make_author(name="Bo Lindqvist", slug="bo-lindqvist")
    cache.clear()
    article.tags.set(["weather"])
    article.article_authors = [ArticleAuthor(author=other, sort_order=0)]
    with committing():
        article.save_revision().publish()

    for path in ("/topics/ferries/", "/topics/weather/", "/authors/ada-brennan/"):
        assert ban(path, Scope.LISTING) in cache.bans(), path
    assert ban("/authors/bo-lindqvist/", Scope.LISTING) in cache.bans()


def test_unpublishing_purges_where_the_article_was(cache, article, committing):
    cache.clear()
    with committing():
        article.unpublish()

    assert cache.bans() >= article_bans("/city/ferry-timetable/", "/city/")
    assert ban("/topics/ferries/", Scope.LISTING) in cache.bans()


def test_moving_an_article_purges_old_and_new_address(cache, article, committing):
    with committing():
        harbour = factories.make_section(HomePage.objects.get(), title="Harbour", slug="harbour")
    cache.clear()
    with committing():
        article.move(harbour, pos="last-child")

    assert cache.bans() >= article_bans("/city/ferry-timetable/", "/city/")
    assert cache.bans() >= article_bans("/harbour/ferry-timetable/", "/harbour/")


def test_changing_the_slug_purges_the_old_address(cache, article, committing):
    cache.clear()
    article.slug = "ferry-timetable-winter"
    with committing():
        article.save_revision().publish()

    assert ban("/city/ferry-timetable/", Scope.TREE) in cache.bans()
    assert ban("/city/ferry-timetable-winter/", Scope.TREE) in cache.bans()


def test_approving_a_comment_purges_the_article_and_front_page_not_other_listings(
    cache, article, committing, admin_user
):
    with committing():
        comment = Comment.objects.create(
            article=article, name="Tomas", text="The ferry matters.", state=CommentState.PENDING
        )
    cache.clear()
    with committing():
        approve_comment(comment=comment, actor=admin_user)

    # The front page lists the most commented articles; the section page shows no comments.
    assert cache.bans() == {
        ban("/city/ferry-timetable/", Scope.TREE),
        ban("/feeds/comments/", Scope.TREE),
        ban("/", Scope.LISTING),
    }


def test_a_comment_change_reads_where_the_article_is_not_its_tags_or_bylines(article):
    with CaptureQueriesContext(connection) as queries:
        handlers.comment_changed(None, comment=None, article=article)

    tables = " ".join(query["sql"] for query in queries.captured_queries)
    # The comments' generation moves; then the article's URL and its aliases', nothing else.
    assert len(queries) == 3, tables
    assert "taggit" not in tables and "articles_author" not in tables


def test_closing_comments_purges_the_article(cache, article, committing, admin_user):
    cache.clear()
    with committing():
        close_comments(article=article, actor=admin_user)

    assert ban("/city/ferry-timetable/", Scope.TREE) in cache.bans()


def test_renaming_an_author_purges_the_whole_site(cache, article, committing):
    author = article.article_authors.get().author
    cache.clear()
    author.name = "Ada Brennan-Hale"
    with committing():
        author.save()

    assert cache.bans() == {ban("/", Scope.TREE)}


def test_one_transaction_sends_one_batch(cache, article, committing):
    with committing():
        second = factories.make_article(
            article.get_parent().specific, title="Night bus returns", slug="night-bus"
        )
    cache.clear()
    with committing():
        with transaction.atomic():
            article.save_revision().publish()
            second.save_revision().publish()

    front_page_bans = [r for r in cache.received if r[3] == ban("/", Scope.LISTING)]
    assert len(front_page_bans) == 1
    assert cache.bans() >= {ban("/city/night-bus/", Scope.TREE)}


def test_a_rolled_back_change_purges_nothing(cache, article, committing):
    cache.clear()
    with committing():
        with pytest.raises(RuntimeError), transaction.atomic():
            article.save_revision().publish()
            raise RuntimeError("the editor's browser went away")
        handlers.schedule([Target(ROOT, "/sitemap.xml", Scope.EXACT)])

    assert cache.purges() == {"/sitemap.xml"}
    assert cache.bans() == set()


def test_without_a_configured_cache_nothing_is_sent(recording_cache, article, committing):
    with committing():
        article.save_revision().publish()

    assert recording_cache.received == []


def test_caches_without_ban_get_urls_including_listing_pages(
    recording_cache, settings, article, committing
):
    settings.WAGTAILFRONTENDCACHE = {
        "plain": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": recording_cache.location,
        }
    }
    with committing():
        article.save_revision().publish()

    assert recording_cache.bans() == set()
    assert recording_cache.purges() >= {
        "/city/ferry-timetable/",
        "/city/",
        "/city/?page=2",
        "/city/?page=5",
        "/",
        "/topics/ferries/",
        "/sitemap.xml",
    }


def test_wagtails_page_only_purge_is_replaced():
    receivers = [receiver[1]() for receiver in page_published.receivers]

    assert wagtail_purging.page_published_signal_handler not in receivers
    assert handlers.page_changed in receivers


def test_a_purge_names_the_scheme_varnish_keeps_pages_apart_by(cache):
    from wagtail.contrib.frontend_cache.utils import purge_url_from_cache

    purge_url_from_cache("https://news.example/city/ferry-timetable/")
    purge_url_from_cache("http://news.example:8080/city/")

    assert [(method, host, path) for method, host, path, _ in cache.received] == [
        ("PURGE", "news.example", "/city/ferry-timetable/"),
        ("PURGE", "news.example:8080", "/city/"),
    ]
    assert [headers["X-Forwarded-Proto"] for headers in cache.headers] == ["https", "http"]


def test_an_article_saved_live_at_birth_purges_like_a_publish(cache, article, committing):
    # As an import or a shell does it: saved live, tags and bylines with it, never published.
    cache.clear()
    section = article.get_parent().specific
    with committing():
        imported = ArticlePage(
            title="Night ferry returns",
            slug="night-ferry",
            standfirst="The late crossing is back.",
            body=factories.paragraphs("It sails at eleven."),
            live=True,
        )
        imported.article_authors = [ArticleAuthor(author=Author.objects.get(), sort_order=0)]
        imported.tags.add("ferries")
        section.add_child(instance=imported)
    assert {
        ban("/city/night-ferry/", Scope.TREE),
        ban("/city/", Scope.LISTING),
        ban("/topics/ferries/", Scope.LISTING),
        ban("/authors/ada-brennan/", Scope.LISTING),
    } <= cache.bans()
