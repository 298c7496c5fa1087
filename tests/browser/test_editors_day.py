"""An editor's working day in Wagtail's admin, in Chromium, against the demo newsroom.

Write an article by typing (no slug typed), backdate it, publish on the first try and find it
on the reader site with that date and an open comment form, and in the admin's search by a
body word and by its reporter; schedule one, correct one, unpublish one. Moderating from the
queue, row by row at both widths, is in ``test_moderation_queue.py``. Screenshots of the
admin and reader pages at 1280 and 390 px go to artifacts/.
"""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from broadsheet.articles.models import ArticlePage, SectionPage
from tests.browser import editor
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "harbour-lights-at-dusk"
WIDTHS = {"desktop": 1280, "mobile": 390}


@pytest.fixture
def desk(demo_newsroom, open_page):
    """A signed-in editor's browser at 1280 px, and the City section's page id."""
    get_user_model().objects.create_superuser("nadia", "nadia@courier.example", PASSWORD)
    page = open_page(width=1280)
    editor.sign_in(page, demo_newsroom, "nadia", PASSWORD)
    return page, demo_newsroom, SectionPage.objects.get(slug="city").pk


def late_entry(headline: str, **changes) -> editor.Story:
    return editor.Story(
        headline=headline,
        standfirst="Three late services come back from Monday, the transport office said.",
        paragraphs=[
            "The first Nightliner bus leaves the quay at half past eleven and the last at one.",
            "Drivers were hired over the summer after a year of cancelled evening runs.",
        ],
        author="Priya Raman",
        **changes,
    )


def written(headline: str) -> ArticlePage:
    return ArticlePage.objects.get(title=headline)


def test_editor_backdates_and_publishes_first_time_and_readers_see_that_date(desk, open_page):
    page, base, city = desk
    for name, width in WIDTHS.items():
        dashboard = open_page(width=width)
        dashboard.context.add_cookies(page.context.cookies())
        dashboard.goto(f"{base}/admin/")
        screenshot(dashboard, f"admin-dashboard-{name}")

    editor.open_new_article(page, base, city)
    story = late_entry("Night buses return to the harbour route", published="2025-12-06 10:30")
    editor.fill_story(page, story)
    screenshot(page, "admin-editor-desktop")
    editor.publish(page)

    article = written(story.headline)
    assert article.live and article.slug == "night-buses-return-to-the-harbour-route"
    phone = open_page(width=WIDTHS["mobile"])
    phone.context.add_cookies(page.context.cookies())
    phone.goto(f"{base}/admin/pages/{article.pk}/edit/")
    expect(phone.locator("#id_published_at")).to_have_value("2025-12-06 10:30")
    screenshot(phone, "admin-editor-mobile")
    for name, width in WIDTHS.items():
        reader = open_page(width=width)
        reader.goto(base + article.url)
        expect(reader.locator(".article__published")).to_have_text("06.12.2025")
        expect(reader.get_by_text("Reading time:")).to_be_visible()
        expect(reader.get_by_role("heading", name="Leave a Comment")).to_be_visible()
        screenshot(reader, f"reader-article-{name}")

    # The editor finds it again by a word of its body and by its reporter's name.
    for words in ("nightliner", "Priya Raman"):
        editor.find_in_admin(page, base, words)
        expect(page.get_by_role("link", name=story.headline)).to_be_visible()
    screenshot(page, "admin-articles-search-desktop")


def test_editor_schedules_corrects_and_unpublishes(desk, open_page):
    page, base, city = desk
    reader = open_page(width=1280)

    editor.open_new_article(page, base, city)
    later = late_entry("Harbour festival programme announced")
    editor.fill_story(page, later)
    go_live = timezone.localtime(timezone.now() + timedelta(days=2))
    editor.schedule(page, go_live.strftime("%Y-%m-%d %H:%M"))
    scheduled = written(later.headline)
    assert not scheduled.live and scheduled.go_live_at is not None
    assert reader.goto(base + "/city/harbour-festival-programme-announced/").status == 404

    corrected = ArticlePage.objects.live().child_of(SectionPage.objects.get(pk=city)).first()
    page.goto(f"{base}/admin/pages/{corrected.pk}/edit/")
    correction = "An earlier version gave the wrong day for the vote."
    editor.add_correction(page, correction)
    editor.publish(page)
    reader.goto(base + corrected.url)
    expect(reader.get_by_text(correction)).to_be_visible()

    editor.unpublish(page, base, corrected.pk)
    assert reader.goto(base + corrected.url).status == 404
