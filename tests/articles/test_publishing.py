"""Drafts, scheduling, revisions, updates and unpublishing, seen from the reader's side."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.rich_text import RichText

from broadsheet.articles.blocks import readable_content
from broadsheet.articles.models import ArticlePage
from broadsheet.core.models import SiteSettings
from tests import factories

pytestmark = pytest.mark.django_db


def test_draft_is_not_served_to_readers(client, section, author):
    draft = factories.make_article(section, title="Draft story", authors=[author], publish=False)
    assert client.get(f"/city/{draft.slug}/").status_code == 404


def test_scheduled_article_is_published_by_the_worker_when_due(client, section, author):
    go_live_at = timezone.now() + timedelta(seconds=2)
    article = factories.make_article(
        section, title="Council budget vote", authors=[author], publish=False, go_live_at=go_live_at
    )
    article.get_latest_revision().publish()  # "Publish" with a future go-live time schedules it
    url = "/city/council-budget-vote/"
    assert client.get(url).status_code == 404

    call_command("worker", once=True)
    assert client.get(url).status_code == 404, "published before its time"

    time.sleep(max(0.0, (go_live_at - timezone.now()).total_seconds()) + 0.1)
    call_command("worker", once=True)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Council budget vote" in response.content


def test_expired_article_is_unpublished_by_the_worker(client, section, author):
    article = factories.make_article(section, title="Weekend events", authors=[author])
    ArticlePage.objects.filter(pk=article.pk).update(expire_at=timezone.now())
    call_command("worker", once=True)
    assert client.get(article.url).status_code == 404


def test_revisions_are_kept_and_the_live_one_is_served(client, section, author):
    article = factories.make_article(section, title="Ferry timetable", authors=[author])
    article.standfirst = "A second version nobody has published yet."
    article.save_revision()
    assert article.revisions.count() == 2
    response = client.get(article.url)
    assert b"A second version" not in response.content
    article.get_latest_revision().publish()
    assert b"A second version" in client.get(article.url).content


def test_unpublished_article_disappears(client, section, author):
    article = factories.make_article(section, title="Market day", authors=[author])
    url = article.url
    article.unpublish()
    assert client.get(url).status_code == 404


def _republish_with(article, **changes):
    page = article.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def test_republishing_a_changed_text_marks_the_article_updated(client, section, author):
    article = factories.make_article(section, title="Flood warning", authors=[author])
    assert article.updated_at is None
    changed = _republish_with(article, body=factories.paragraphs("The river has risen again."))
    assert changed.updated_at is not None
    assert b"Updated" in client.get(changed.url).content


def test_republishing_without_a_text_change_is_not_an_update(client, section, author):
    article = factories.make_article(section, title="Library hours", authors=[author])
    same = _republish_with(article, search_description="Only the SEO text changed")
    assert same.updated_at is None
    assert b"Updated" not in client.get(same.url).content


def test_update_time_survives_a_later_republish_from_an_old_draft(section, author):
    article = factories.make_article(section, title="School reopening", authors=[author])
    old_draft = article.get_latest_revision_as_object()
    changed = _republish_with(article, standfirst="Pupils return on Monday, the board said.")
    first_update = changed.updated_at
    # The editor publishes a draft that was opened before the update: same text as now.
    old_draft.standfirst = changed.standfirst
    old_draft.save_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).updated_at == first_update


def test_reading_time_is_computed_when_published(section, author):
    words = " ".join(["word"] * 700)
    article = factories.make_article(
        section, title="Long read", authors=[author], body=factories.paragraphs(words)
    )
    # 700 body words + 2 headline + 7 standfirst words at 238 wpm is 2.3 min, rounded up.
    assert article.reading_minutes == 3


def test_reading_time_uses_the_site_reading_speed(home, section, author):
    settings = SiteSettings.for_site(home.get_site())
    settings.words_per_minute = 100
    settings.save()
    words = " ".join(["word"] * 291)
    article = factories.make_article(
        section,
        title="Slow",
        authors=[author],
        standfirst="Slow reading.",
        body=factories.paragraphs(words),
    )
    assert article.reading_minutes == 3  # 294 words at 100 wpm; at 238 wpm it would be 2


def test_reading_time_counts_images_and_all_text_blocks(section, author):
    photo = factories.make_photo("figure", default_caption="Boats in the harbour at dusk")
    body = [
        ("subheading", "one two three"),
        ("quote", {"text": "four five", "attribution": "six"}),
        ("fact_box", {"title": "seven", "body": RichText("<ul><li>eight</li></ul>")}),
        ("image", {"image": photo, "caption": "", "credit": ""}),
    ]
    article = factories.make_article(
        section, title="Tiny", authors=[author], standfirst="Short.", body=body
    )
    content = readable_content(article.body)
    assert content.image_count == 1
    assert "Boats in the harbour at dusk" in content.texts
    assert article.reading_minutes == 1


def test_changing_the_reading_speed_refreshes_stored_reading_times(
    admin_client, client, home, section, author, django_capture_on_commit_callbacks
):
    words = " ".join(["word"] * 400)
    article = factories.make_article(
        section, title="Speed", authors=[author], body=factories.paragraphs(words)
    )
    assert article.reading_minutes == 2  # about 405 words at 238 wpm
    site = home.get_site()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/settings/core/sitesettings/{site.pk}/",
            {
                "site_name": "Gazette",
                "date_format": "d.m.Y",
                "words_per_minute": 100,
                "time_zone": "UTC",
            },
        )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.reading_minutes == 5
    assert b"Reading time: 5 min" in client.get(article.url).content
