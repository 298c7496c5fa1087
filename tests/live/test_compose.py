"""The compose screen: an editor posts, edits, schedules and deletes entries without
publishing the live blog page, and readers see each entry as soon as it is saved."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from broadsheet.live.models import LiveEntry
from tests import factories
from tests.live.conftest import post

pytestmark = pytest.mark.django_db


def entry_form(text: str, **fields) -> dict:
    data = {
        "title": "",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))]),
        "published_at": "",
        "correction": "",
        **fields,
    }
    return nested_form_data(data)


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_compose_screen_posts_an_entry_readers_see_at_once(editor, client, blog):
    revisions = blog.revisions.count()
    url = reverse("live_compose:compose", args=[blog.pk])
    assert editor.get(url).status_code == 200

    response = editor.post(url, entry_form("The coastguard asks people to stay off the pier."))

    assert response.status_code == 302
    entry = LiveEntry.objects.get()
    assert entry.is_published and entry.blog_id == blog.pk
    assert blog.revisions.count() == revisions  # the page was not published again
    editor.logout()
    assert "stay off the pier" in client.get(blog.url).content.decode()


def test_an_entry_with_a_time_to_come_is_scheduled(editor, blog):
    later = (timezone.now() + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
    editor.post(
        reverse("live_compose:compose", args=[blog.pk]),
        entry_form("Evening briefing from the council.", published_at=later, key_event="on"),
    )

    entry = LiveEntry.objects.get()
    assert not entry.is_published and entry.key_event


def test_editing_adds_a_correction_and_marks_the_entry_edited(editor, blog):
    author = factories.make_author(name="Maren Holt", slug="maren-holt")
    entry = post(blog, "Forty homes without power.")
    url = reverse("live_compose:edit", args=[blog.pk, entry.pk])
    assert "Forty homes" in editor.get(url).content.decode()

    data = entry_form("Four hundred homes.", correction="We first reported forty homes.")
    data["authors"] = [str(author.pk)]
    editor.post(url, data)

    entry.refresh_from_db()
    assert entry.edited_at is not None
    assert entry.correction == "We first reported forty homes."
    assert list(entry.authors.all()) == [author]
    assert "Four hundred homes." in entry.body[0].value.source


def test_deleting_takes_the_entry_down(editor, client, blog):
    entry = post(blog, "An entry posted by mistake.")

    editor.post(reverse("live_compose:delete", args=[blog.pk, entry.pk]))

    entry.refresh_from_db()
    assert entry.deleted_at is not None
    editor.logout()
    assert "posted by mistake" not in client.get(blog.url).content.decode()


def test_only_editors_of_the_page_may_compose(client, blog, django_user_model):
    reader = django_user_model.objects.create_user("reader", password="not-a-real-one")
    client.force_login(reader)
    response = client.get(reverse("live_compose:compose", args=[blog.pk]))
    assert response.status_code in (302, 403)


def test_the_admin_offers_live_blogs_and_stories_where_editors_work(editor, section, blog):
    explorer = editor.get(reverse("wagtailadmin_explore", args=[section.pk]))
    assert explorer.status_code == 200
    assert reverse("live_compose:compose", args=[blog.pk]) in explorer.content.decode()

    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[blog.pk]))
    assert edit.status_code == 200
    assert "Developing story" in edit.content.decode()

    add = editor.get(reverse("wagtailadmin_pages:add", args=["live", "liveblogpage", section.pk]))
    assert add.status_code == 200
    article = factories.make_article(section, title="Gale warning lifted", slug="gale-lifted")
    article_edit = editor.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert "What&#x27;s new" in article_edit.content.decode() or "What's new" in (
        article_edit.content.decode()
    )
    assert editor.get(reverse("wagtailsnippets_articles_story:add")).status_code == 200
