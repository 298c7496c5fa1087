"""An editor's work in /admin/: writing, scheduling and publishing articles."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from broadsheet.articles.models import ArticlePage, Author
from broadsheet.core.models import SiteSettings
from broadsheet.images.models import Photo
from tests import factories

pytestmark = pytest.mark.django_db


def article_form(author, **overrides):
    data = {
        "title": "New ferry route to the islands",
        "slug": "new-ferry-route",
        "standfirst": "Sailings start in spring, the harbour board said.",
        "article_authors": inline_formset([{"author": author.pk}], min=1),
        "hero_caption": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>The first boat leaves at seven.</p>")),
                ("subheading", "Timetable"),
            ]
        ),
        "tags": "harbour, ferries",
        "source_outlet": "",
        "source_headline": "",
        "source_url": "",
        "corrections": inline_formset([]),
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(section):
    return f"/admin/pages/add/articles/articlepage/{section.pk}/"


def test_editor_publishes_an_article(admin_client, section, author):
    response = admin_client.post(add_url(section), {**article_form(author), "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    article = ArticlePage.objects.get(slug="new-ferry-route")
    assert article.live
    assert [link.author for link in article.article_authors.all()] == [author]
    assert sorted(article.tags.names()) == ["ferries", "harbour"]
    assert article.reading_minutes == 1
    page = admin_client.get("/city/new-ferry-route/")
    assert page.status_code == 200
    assert b"The first boat leaves at seven." in page.content


def test_editor_saves_a_draft_readers_cannot_see(admin_client, client, section, author):
    response = admin_client.post(add_url(section), article_form(author))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="new-ferry-route")
    assert not article.live
    assert client.get("/city/new-ferry-route/").status_code == 404


def test_editor_previews_a_draft_with_its_reading_time(admin_client, section, author):
    words = " ".join(["word"] * 600)
    form = article_form(author, body=streamfield([("paragraph", rich_text(f"<p>{words}</p>"))]))
    admin_client.post(add_url(section), form)
    article = ArticlePage.objects.get(slug="new-ferry-route")
    preview_url = f"/admin/pages/{article.pk}/edit/preview/"
    assert admin_client.post(preview_url, form).json()["is_valid"]
    preview = admin_client.get(preview_url)
    assert preview.status_code == 200
    assert b"Reading time: 3 min" in preview.content


def test_editor_schedules_an_article(admin_client, client, section, author):
    go_live = (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    form = {**article_form(author, go_live_at=go_live), "action-publish": "1"}
    response = admin_client.post(add_url(section), form)
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="new-ferry-route")
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None
    assert client.get("/city/new-ferry-route/").status_code == 404


def test_an_article_needs_an_author_and_a_standfirst(admin_client, section, author):
    form = article_form(author, standfirst="", article_authors=inline_formset([], min=1))
    response = admin_client.post(add_url(section), {**form, "action-publish": "1"})
    assert response.status_code == 200  # the form comes back with errors; nothing is lost
    assert not ArticlePage.objects.filter(slug="new-ferry-route").exists()
    assert b"New ferry route to the islands" in response.content


def edit_form_of(admin_client, url: str):
    response = admin_client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("form[data-edit-form]")


def test_the_editor_saves_articles_nothing_saves_them_in_the_background(
    admin_client, section, author
):
    # Background saves created a new article while its form still posted to /add/ (a second
    # save: "slug already in use" beside an orphan draft), raced the editing-session ping
    # ("a new version in another window") and answered 400 on drafts not yet savable.
    article = factories.make_article(section, title="Quay wall survey", authors=[author])
    for url in (add_url(section), f"/admin/pages/{article.pk}/edit/"):
        form = edit_form_of(admin_client, url)
        assert "w-unsaved" in form["data-controller"]
        assert "w-autosave" not in form["data-controller"]
        assert not form.has_attr("data-w-autosave-interval-value")
        # Leaving with unsaved changes still asks first.
        assert form["data-w-unsaved-confirmation-value"] == "true"


def test_a_new_article_saved_twice_is_one_article(admin_client, section, author):
    first = admin_client.post(add_url(section), article_form(author))
    article = ArticlePage.objects.get(slug="new-ferry-route")
    assert first["Location"] == f"/admin/pages/{article.pk}/edit/"
    # The form the editor sees after saving posts to the article's edit view, not to /add/.
    assert edit_form_of(admin_client, first["Location"])["action"] == first["Location"]
    second = admin_client.post(first["Location"], article_form(author, title="Ferry route"))
    assert second.status_code == 302
    assert ArticlePage.objects.filter(title__startswith="New ferry").count() == 0
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Ferry route"]


def test_editor_edits_and_republishes_keeping_revisions(admin_client, client, section, author):
    admin_client.post(add_url(section), {**article_form(author), "action-publish": "1"})
    article = ArticlePage.objects.get(slug="new-ferry-route")
    form = article_form(author, title="Ferry route to the islands delayed")
    response = admin_client.post(
        f"/admin/pages/{article.pk}/edit/", {**form, "action-publish": "1"}
    )
    assert response.status_code == 302
    assert article.revisions.count() == 2
    assert b"delayed" in client.get("/city/new-ferry-route/").content
    admin_client.post(f"/admin/pages/{article.pk}/unpublish/", {"include_descendants": False})
    assert client.get("/city/new-ferry-route/").status_code == 404


def test_editor_adds_an_author_snippet(admin_client):
    response = admin_client.post(
        "/admin/snippets/articles/author/add/",
        {"name": "Noor Haddad", "slug": "noor-haddad", "role": "Sports editor", "bio": ""},
    )
    assert response.status_code == 302
    assert Author.objects.get(slug="noor-haddad").role == "Sports editor"


def test_photo_upload_requires_alt_text(admin_client):
    picture = factories.make_photo("upload-source").file
    picture.open("rb")
    form = {"title": "Quay at night", "file": picture, "credit": "R. Mendes", "collection": 1}
    response = admin_client.post("/admin/images/add/", form)
    assert response.status_code == 200
    assert not Photo.objects.filter(title="Quay at night").exists()
    picture.seek(0)
    response = admin_client.post("/admin/images/add/", {**form, "description": "A quay at night"})
    assert response.status_code == 302
    assert Photo.objects.get(title="Quay at night").credit == "R. Mendes"


def test_site_settings_reject_unknown_time_zone_and_keep_the_input(admin_client, home):
    site = home.get_site()
    url = f"/admin/settings/core/sitesettings/{site.pk}/"
    form = {"site_name": "Gazette", "date_format": "d.m.Y", "words_per_minute": 238}
    response = admin_client.post(url, {**form, "time_zone": "Mars/Olympus_Mons"})
    assert response.status_code == 200
    assert b"Mars/Olympus_Mons" in response.content
    assert SiteSettings.for_site(site).time_zone == "UTC"
    response = admin_client.post(url, {**form, "time_zone": "Europe/Oslo"})
    assert response.status_code == 302
    assert SiteSettings.for_site(site).time_zone == "Europe/Oslo"
