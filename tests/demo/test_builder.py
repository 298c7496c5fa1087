"""The demo newsroom: believable, complete, and safe to build twice.

Building costs several seconds (Wagtail indexes every page), so each test builds once and checks
a whole side of the result.
"""

from collections import Counter

import pytest
from django.utils import timezone

from broadsheet.articles.models import ArticlePage, Author, SectionPage
from broadsheet.demo import content
from broadsheet.demo.builder import build_demo
from broadsheet.images.models import Photo
from broadsheet.newsletters.models import Edition, EditionStatus, Newsletter, Scope

pytestmark = pytest.mark.django_db


def test_demo_builds_a_believable_newsroom():
    report = build_demo()
    assert report.created_articles == ArticlePage.objects.count() == len(content.ARTICLES) >= 30
    assert SectionPage.objects.live().count() >= 4
    assert Author.objects.count() >= 6

    live = ArticlePage.objects.live()
    oldest = live.order_by("first_published_at").first().first_published_at
    assert (timezone.now() - oldest).days <= 60
    scheduled = ArticlePage.objects.filter(live=False, go_live_at__gt=timezone.now())
    assert scheduled.count() == report.scheduled >= 2

    assert live.filter(corrections__isnull=False).distinct().count() >= 2
    assert live.exclude(source_outlet="").count() >= 3
    tags = Counter(name for article in live for name in article.tags.names())
    assert tags.most_common(1)[0][1] >= 4, "a multi-part developing story shares a tag"

    assert Photo.objects.count() >= len(content.ARTICLES)
    assert not Photo.objects.filter(description="").exists()
    assert not Photo.objects.filter(credit="").exists()

    assert report.newsletters == Newsletter.objects.offered().count() == 3
    story = Newsletter.objects.get(scope=Scope.STORY)
    assert story.story.slug == "sallow-floods"
    assert Newsletter.objects.get(scope=Scope.SECTIONS).sections.count() == 2
    (archived,) = Edition.objects.filter(status=EditionStatus.SENT)
    assert len(archived.content) == 4, "three articles and a note"


def test_building_twice_adds_nothing_and_every_page_answers(client):
    build_demo()
    counts = (ArticlePage.objects.count(), Author.objects.count(), Photo.objects.count())
    again = build_demo()
    assert again.created_articles == 0
    assert again.existing_articles == len(content.ARTICLES)
    assert (ArticlePage.objects.count(), Author.objects.count(), Photo.objects.count()) == counts

    assert Newsletter.objects.count() == 3 and Edition.objects.count() == 1
    assert client.get("/").status_code == 200
    assert client.get("/newsletters/week-on-the-water/").status_code == 200
    edition = client.get(Edition.objects.get().get_absolute_url())
    assert b"Street by street" in edition.content
    pages = [*ArticlePage.objects.live(), *SectionPage.objects.live()]
    for page in pages:
        assert client.get(page.url).status_code == 200, page.url
    for author in Author.objects.all():
        assert client.get(author.get_absolute_url()).status_code == 200
