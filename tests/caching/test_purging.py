"""Publishing, moving, unpublishing and moderating purge exactly the surrogate keys of what
they touch.

The cache here is a small HTTP server on 127.0.0.1 that records the PURGE requests Broadsheet
sends: the same requests real Varnish answers in tests/e2e. Which pages name which keys is
tests/caching/test_keys.py.
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
from broadsheet.site import breaking
from broadsheet.site.models import BreakingNews
from tests import factories

pytestmark = pytest.mark.django_db

ROOT = "http://localhost"


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


def article_keys(article: ArticlePage) -> set[str]:
    return {f"page-{article.pk}", f"section-{article.get_parent().pk}", "articles", "missing"}


def test_publishing_an_article_purges_the_keys_of_everything_that_lists_it(
    cache, article, committing
):
    cache.clear()
    article.title = "Ferry timetable changes for winter"
    with committing():
        article.save_revision().publish()

    author = article.article_authors.get().author
    assert cache.key_batches() == [
        article_keys(article) | {"topic-ferries", "topic-river-sallow", f"author-{author.pk}"}
    ]
    assert [(method, path) for method, _, path, _ in cache.received] == [("PURGE", "/")]


def test_a_removed_tag_and_author_still_get_their_pages_purged(cache, article, committing):
    with committing():
        other = factories.make_author(name="Bo Lindqvist", slug="bo-lindqvist")
    first = article.article_authors.get().author
    cache.clear()
    article.tags.set(["weather"])
    article.article_authors = [ArticleAuthor(author=other, sort_order=0)]
    with committing():
        article.save_revision().publish()

    assert {"topic-ferries", "topic-weather", f"author-{first.pk}"} <= cache.keys()
    assert f"author-{other.pk}" in cache.keys()


def test_unpublishing_purges_where_the_article_was(cache, article, committing):
    cache.clear()
    with committing():
        article.unpublish()

    assert cache.keys() >= article_keys(article) | {"topic-ferries"}


def test_moving_an_article_purges_its_page_and_both_sections(cache, article, committing):
    city = article.get_parent()
    with committing():
        harbour = factories.make_section(HomePage.objects.get(), title="Harbour", slug="harbour")
    cache.clear()
    with committing():
        article.move(harbour, pos="last-child")

    # Its page, stored under the old address, named its key: no address is needed.
    assert cache.keys() >= {f"page-{article.pk}", f"section-{city.pk}", f"section-{harbour.pk}"}


def test_changing_the_slug_purges_the_page_under_its_old_address(cache, article, committing):
    cache.clear()
    article.slug = "ferry-timetable-winter"
    with committing():
        article.save_revision().publish()

    assert {f"page-{article.pk}", "missing"} <= cache.keys()


def test_approving_a_comment_purges_the_articles_comments_not_its_listings(
    cache, article, committing, admin_user
):
    with committing():
        comment = Comment.objects.create(
            article=article, name="Tomas", text="The ferry matters.", state=CommentState.PENDING
        )
    cache.clear()
    with committing():
        approve_comment(comment=comment, actor=admin_user)

    # Where this article's comments show, and where any article's do ("Most commented", the
    # comment feed); the section page and the topics show no comments.
    assert cache.key_batches() == [{f"comments-{article.pk}", "comments"}]


def test_a_comment_change_reads_nothing_but_moves_the_comments_generation(article):
    with CaptureQueriesContext(connection) as queries:
        handlers.comment_changed(None, comment=None, article=article)

    tables = " ".join(query["sql"] for query in queries.captured_queries)
    # The comments' generation moves (one upsert); the keys need no query.
    assert len(queries) == 1, tables
    assert "taggit" not in tables and "articles_author" not in tables


def test_closing_comments_purges_the_article(cache, article, committing, admin_user):
    cache.clear()
    with committing():
        close_comments(article=article, actor=admin_user)

    assert f"comments-{article.pk}" in cache.keys()


def test_renaming_an_author_purges_the_whole_site(cache, article, committing):
    author = article.article_authors.get().author
    cache.clear()
    author.name = "Ada Brennan-Hale"
    with committing():
        author.save()

    assert cache.key_batches() == [{"site"}]


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

    assert len(cache.key_batches()) == 1
    assert cache.keys() >= article_keys(article) | article_keys(second)


def test_a_rolled_back_change_purges_nothing(cache, article, committing):
    cache.clear()
    with committing():
        with pytest.raises(RuntimeError), transaction.atomic():
            article.save_revision().publish()
            raise RuntimeError("the editor's browser went away")
        handlers.schedule(["section-999"])

    assert cache.key_batches() == [{"section-999"}]


def test_without_a_configured_cache_nothing_is_sent(recording_cache, article, committing):
    with committing():
        article.save_revision().publish()

    assert recording_cache.received == []


def test_caches_without_keys_get_the_urls_served_naming_the_keys(
    recording_cache, settings, article, committing, client
):
    settings.WAGTAILFRONTENDCACHE = {
        "plain": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": recording_cache.location,
        }
    }
    settings.BROADSHEET_CACHING = {**settings.BROADSHEET_CACHING, "URL_INDEX": True}
    with committing():
        sport = factories.make_section(HomePage.objects.get(), title="Sport", slug="sport")
        factories.make_article(sport, title="Rowing club wins", slug="rowing", tags=["rowing"])
    served = ["/city/ferry-timetable/", "/city/", "/city/?page=1", "/topics/ferries/", "/"]
    served += ["/sitemap.xml", "/feeds/rss/", "/sport/rowing/", "/sport/"]
    for url in served:
        assert client.get(url).status_code == 200, url
    recording_cache.clear()
    article.title = "Ferry timetable changes for winter"
    with committing():
        article.save_revision().publish()

    assert recording_cache.keys() == set()
    # Every page that showed the article, each address as it was stored; not the other
    # section or its article, which show nothing of it.
    assert recording_cache.purges() == set(served) - {"/sport/rowing/", "/sport/"}


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
    author = Author.objects.get()
    assert article_keys(imported) | {"topic-ferries", f"author-{author.pk}"} <= cache.keys()


def test_a_breaking_news_banner_purges_only_what_shows_it(cache, article, committing):
    """Set: the answer and the pages showing none; replaced: the same (the pages that include
    the banner stay); ended: the pages including it too (see ``broadsheet.site.breaking``)."""
    site = article.get_site()
    cache.clear()
    with committing():
        breaking.set_banner(site.pk, text="Ferry aground off Holm", link=article.url)
    assert cache.key_batches() == [{"breaking"}]
    cache.clear()
    with committing():
        breaking.set_banner(site.pk, text="Ferry refloated off Holm", link=article.url)
    assert cache.key_batches() == [{"breaking"}]
    cache.clear()
    with committing():
        breaking.take_down(site.pk)
    assert cache.key_batches() == [{"breaking", "breaking-included"}]
    cache.clear()
    with committing():
        BreakingNews.objects.get(text="Ferry aground off Holm").delete()
    assert cache.key_batches() == [{"breaking", "breaking-included"}]
