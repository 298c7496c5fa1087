"""The publication date: set by the editor or taken from the first publication, shown to
readers and used by every listing, feed and sitemap; distinct from "updated" and from when
the article went live on this site (which comment auto-close counts from)."""

import json
import re
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from tests import factories
from tests.articles.test_admin import add_url, article_form

pytestmark = pytest.mark.django_db

LATE_ENTRY = datetime(2025, 12, 6, 10, 30, tzinfo=UTC)


def publish_backdated(admin_client, section, author, **overrides) -> ArticlePage:
    form = article_form(author, published_at="2025-12-06 10:30", **overrides)
    response = admin_client.post(add_url(section), {**form, "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ArticlePage.objects.get(slug=overrides.get("slug", "new-ferry-route"))


def json_ld_article(html: str) -> dict:
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        for item in json.loads(block).get("@graph", [json.loads(block)]):
            if item.get("@type") == "NewsArticle":
                return item
    raise AssertionError("no NewsArticle in the page")


def test_editor_backdates_an_article_and_readers_see_that_date(
    admin_client, client, section, author
):
    article = publish_backdated(admin_client, section, author)

    assert article.published_at == LATE_ENTRY
    assert article.first_published_at > LATE_ENTRY + timedelta(days=300)  # went live today
    html = client.get(article.url).content.decode()
    assert '<time class="article__published" datetime="2025-12-06T' in html
    assert ">06.12.2025</time>" in html
    assert json_ld_article(html)["datePublished"].startswith("2025-12-06T")
    assert not article.was_updated


def test_a_backdated_article_sorts_by_its_date_in_listings_feeds_and_the_archive(
    admin_client, client, section, author
):
    recent = factories.make_article(section, title="Harbour crane arrives", authors=[author])
    backdated = publish_backdated(admin_client, section, author)

    listed = client.get("/city/").content.decode()
    assert listed.index("Harbour crane arrives") < listed.index("New ferry route to the islands")
    feed = client.get("/feeds/rss/").content.decode()
    assert feed.index("Harbour crane arrives") < feed.index("New ferry route")
    assert "Sat, 06 Dec 2025 10:30:00" in feed
    sitemap = client.get("/sitemap-articles.xml").content.decode()
    assert sitemap.index(backdated.slug) < sitemap.index(recent.slug)  # oldest first
    december = client.get("/archive/2025/12/").content.decode()
    assert "New ferry route to the islands" in december
    assert "Harbour crane arrives" not in december
    news = client.get("/sitemap-news.xml").content.decode()
    assert recent.slug in news and backdated.slug not in news  # not news from today


def test_without_a_date_the_first_publication_is_the_publication_date(
    admin_client, section, author
):
    response = admin_client.post(add_url(section), {**article_form(author), "action-publish": "1"})
    assert response.status_code == 302

    article = ArticlePage.objects.get(slug="new-ferry-route")
    assert article.published_at == article.first_published_at is not None


def test_editing_a_published_article_keeps_its_publication_date(admin_client, section, author):
    article = publish_backdated(admin_client, section, author)
    edit = f"/admin/pages/{article.pk}/edit/"
    form = admin_client.get(edit).content.decode()
    assert 'value="2025-12-06 10:30"' in form  # the editor sees the date they set

    # A later version published from a revision that carries no date keeps the page's date.
    article.refresh_from_db()
    article.standfirst = "Sailings start in spring, the harbour board said on Friday."
    article.save_revision().publish()

    article.refresh_from_db()
    assert article.published_at == LATE_ENTRY
    assert article.was_updated  # "updated" is its own date


def test_a_publication_date_after_going_live_is_refused_and_nothing_is_lost(
    admin_client, section, author
):
    tomorrow = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    form = article_form(author, published_at=tomorrow)
    response = admin_client.post(add_url(section), {**form, "action-publish": "1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be later than the article goes live" in html
    assert "Sailings start in spring, the harbour board said." in html  # the form keeps it
    assert not ArticlePage.objects.filter(slug="new-ferry-route").exists()


def test_a_scheduled_article_is_dated_when_it_goes_live(client, section, author):
    go_live_at = timezone.now() + timedelta(seconds=1)
    article = factories.make_article(
        section, title="Council budget vote", authors=[author], publish=False, go_live_at=go_live_at
    )
    article.get_latest_revision().publish()
    article.refresh_from_db()
    assert article.published_at is None and not article.live

    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.1)
    call_command("worker", once=True)

    article.refresh_from_db()
    assert article.live
    assert article.published_at == article.first_published_at >= go_live_at - timedelta(seconds=1)


def test_a_backdated_article_is_open_for_comments(admin_client, client, section, author):
    article = publish_backdated(admin_client, section, author)

    html = client.get(article.url).content.decode()
    assert "Leave a Comment" in html
    assert "Comments are closed" not in html
