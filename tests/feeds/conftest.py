from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from broadsheet.core.models import SiteSettings
from tests import factories

PUBLISHED = datetime(2025, 12, 6, 9, 30, tzinfo=UTC)
SITE_NAME = "The Brennock Ledger"


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches renditions by image id, and ids come round again in a fresh test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site(home):
    return factories.name_test_site(SITE_NAME)


@pytest.fixture
def full_text(site):
    SiteSettings.objects.filter(site=site).update(feed_full_text=True)


@pytest.fixture
def sport(site, home):
    return factories.make_section(home, title="Sport", slug="sport")


@pytest.fixture
def article(site, section, author):
    second = factories.make_author(name="Bo Lindqvist", slug="bo-lindqvist")
    return factories.make_article(
        section,
        title="Harbour bridge reopens after repairs",
        slug="harbour-bridge-reopens",
        authors=[author, second],
        first_published_at=PUBLISHED,
        hero_image=factories.make_photo("hero", credit="Mira Osei"),
        tags=["Harbour", "Transport"],
    )


def rich_body(linked, photo) -> list:
    """A body using every block type, with an internal link, a figure and a related article."""
    photo.contextual_alt_text, photo.decorative = "Flooded quay", False
    return [
        (
            "paragraph",
            RichText(f'<p>Water rose on the <a linktype="page" id="{linked.pk}">quay</a>.</p>'),
        ),
        ("subheading", "Along the Sallow"),
        ("quote", {"text": "We saw it coming.", "attribution": "A ferry pilot"}),
        (
            "image",
            {
                "image": photo,
                "caption": "The quay at noon.",
                "credit": "",
            },
        ),
        ("fact_box", {"title": "Levels", "body": RichText("<ul><li>4.2 metres</li></ul>")}),
        ("related", {"article": linked, "label": "Earlier"}),
    ]


def make_many(
    section, author, count: int, *, linked=None, tags=("Sallow", "Weather"), prefix="River Sallow"
) -> list:
    """``count`` published articles, a minute apart, each with a hero, tags and a rich body.

    Unless given one, an older article is made for the bodies to link to.
    """
    start = timezone.now() - timedelta(hours=1)
    photo = factories.make_photo("shared", credit="Press pool")
    linked = linked or factories.make_article(
        section,
        title="Earlier flood",
        authors=[author],
        first_published_at=start - timedelta(days=2),
    )
    return [
        factories.make_article(
            section,
            title=f"{prefix} report {i}",
            slug=f"{prefix} report {i}".lower().replace(" ", "-"),
            authors=[author],
            first_published_at=start - timedelta(minutes=i),
            hero_image=photo,
            body=rich_body(linked, photo),
            tags=list(tags),
        )
        for i in range(count)
    ]


def make_hidden(section, author) -> dict:
    """A draft, a scheduled article and a password-protected one, none of which is public."""
    draft = factories.make_article(
        section, title="Draft about tolls", authors=[author], publish=False
    )
    scheduled = factories.make_article(
        section, title="Embargoed budget story", authors=[author], publish=False, tags=["Sallow"]
    )
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    private = factories.make_article(
        section, title="Members only briefing", authors=[author], tags=["Sallow"]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return {"draft": draft, "scheduled": scheduled, "private": private}


def count_queries(client, url: str) -> int:
    """Queries for one request of ``url``, after a warm-up request fills the caches."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)
