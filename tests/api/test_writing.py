"""The write API with a key bound to a Wagtail user: drafts, revisions in the page's history,
publishing, the workflow, that user's permissions, field-named validation errors."""

import io
import json

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import PageLogEntry

from broadsheet.api.models import ApiKey
from broadsheet.articles.models import ArticlePage
from broadsheet.images.models import Photo

pytestmark = pytest.mark.django_db


def key_for(user) -> dict[str, str]:
    key = ApiKey(name=f"Desk tool for {user.username}", user=user)
    secret = key.issue()
    key.save()
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
def editor(db):
    user = User.objects.create_user("desk-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator(db):
    user = User.objects.create_user("night-editor")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def send(client, method, url, headers, payload=None):
    return getattr(client, method)(
        url, data=json.dumps(payload or {}), content_type="application/json", headers=headers
    )


NEW = {
    "title": "Night buses return to the ring road",
    "standfirst": "Six routes run again from Friday.",
    "body": [
        {"type": "paragraph", "html": "<p>The operator hired twelve drivers.</p>"},
        {"type": "subheading", "text": "Where they stop"},
    ],
    "authors": ["ada-brennan"],
    "tags": ["Transport"],
}


def test_an_editor_creates_a_draft_and_revises_it_in_the_history(client, section, author, editor):
    headers = key_for(editor)
    created = send(client, "post", "/api/v1/articles", headers, {**NEW, "section": section.pk})
    assert created.status_code == 201, created.content
    article_id = created.json()["id"]
    assert created.json()["live"] is False
    revised = send(
        client, "patch", f"/api/v1/articles/{article_id}", headers, {"title": "Night buses back"}
    )
    assert revised.status_code == 200
    article = ArticlePage.objects.get(pk=article_id)
    assert article.get_latest_revision_as_object().title == "Night buses back"
    assert article.get_latest_revision().user == editor
    actions = set(PageLogEntry.objects.filter(page=article).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.edit"} <= actions
    assert client.get(f"/api/v1/articles/{article_id}").status_code == 404


def test_editors_submit_to_the_workflow_and_moderators_publish(
    client, section, author, editor, moderator
):
    created = send(
        client, "post", "/api/v1/articles", key_for(editor), {**NEW, "section": section.pk}
    )
    article_id = created.json()["id"]
    refused = send(client, "post", f"/api/v1/articles/{article_id}/publish", key_for(editor))
    assert refused.status_code == 403
    submitted = send(client, "post", f"/api/v1/articles/{article_id}/submit", key_for(editor))
    assert submitted.status_code == 200, submitted.content
    assert "moderation" in submitted.json()["status"]
    published = send(client, "post", f"/api/v1/articles/{article_id}/publish", key_for(moderator))
    assert published.status_code == 200 and published.json()["live"] is True
    shown = client.get(f"/api/v1/articles/{article_id}?fields=title").json()
    assert shown["title"] == NEW["title"]


def test_validation_errors_name_the_field(client, section, author, editor):
    headers = key_for(editor)
    no_standfirst = {**NEW, "section": section.pk, "standfirst": ""}
    response = send(client, "post", "/api/v1/articles", headers, no_standfirst)
    assert response.status_code == 422 and response.json()["field"] == "standfirst"
    unknown = {**NEW, "section": section.pk, "authors": ["nobody-here"]}
    response = send(client, "post", "/api/v1/articles", headers, unknown)
    assert response.status_code == 422 and response.json()["field"] == "authors"
    bad_block = {**NEW, "section": section.pk, "body": [{"type": "video"}]}
    response = send(client, "post", "/api/v1/articles", headers, bad_block)
    assert response.json()["field"] == "body.0.type"
    response = send(client, "post", "/api/v1/articles", headers, {"title": "No section"})
    assert response.status_code == 422 and response.json()["field"].endswith("section")


def test_writing_needs_a_key_with_a_user_and_its_permissions(client, section, author):
    assert (
        send(client, "post", "/api/v1/articles", {}, {**NEW, "section": section.pk}).status_code
        == 401
    )
    reader = User.objects.create_user("reader")
    response = send(
        client, "post", "/api/v1/articles", key_for(reader), {**NEW, "section": section.pk}
    )
    assert response.status_code == 403
    assert not ArticlePage.objects.exists()


# ---- Corrections -------------------------------------------------------------------------


def _published(client, section, editor, moderator) -> int:
    created = send(
        client, "post", "/api/v1/articles", key_for(editor), {**NEW, "section": section.pk}
    )
    article_id = created.json()["id"]
    send(client, "post", f"/api/v1/articles/{article_id}/publish", key_for(moderator))
    return article_id


def test_a_correction_goes_live_at_once_in_the_history_as_its_user(
    client, section, author, editor, moderator
):
    article_id = _published(client, section, editor, moderator)
    url = f"/api/v1/articles/{article_id}/corrections"
    text = "An earlier version gave the number of routes as five."
    response = send(client, "post", url, key_for(moderator), {"text": text})
    assert response.status_code == 200, response.content
    assert response.json()["live"] is True
    shown = client.get(f"/api/v1/articles/{article_id}?fields=corrections").json()
    assert [c["text"] for c in shown["corrections"]] == [text]
    article = ArticlePage.objects.get(pk=article_id)
    assert article.live_revision.user == moderator
    last = PageLogEntry.objects.filter(page=article).order_by("-timestamp", "-pk").first()
    assert (last.action, last.user) == ("wagtail.publish", moderator)
    second = send(client, "post", url, key_for(moderator), {"text": "The depot is in Marsh Lane."})
    assert second.status_code == 200
    shown = client.get(f"/api/v1/articles/{article_id}?fields=corrections").json()
    assert [c["text"] for c in shown["corrections"]] == [text, "The depot is in Marsh Lane."]


def test_a_correction_keeps_a_pending_draft_unpublished_and_adds_itself_to_it(
    client, section, author, editor, moderator
):
    article_id = _published(client, section, editor, moderator)
    pending = {"title": "Night buses return, with a seventh route"}
    send(client, "patch", f"/api/v1/articles/{article_id}", key_for(editor), pending)
    text = "The operator hired fourteen drivers, not twelve."
    url = f"/api/v1/articles/{article_id}/corrections"
    assert send(client, "post", url, key_for(moderator), {"text": text}).status_code == 200
    live = client.get(f"/api/v1/articles/{article_id}?fields=title,corrections").json()
    assert live["title"] == NEW["title"]  # the draft's headline is not published by it
    assert [c["text"] for c in live["corrections"]] == [text]
    article = ArticlePage.objects.get(pk=article_id)
    assert article.has_unpublished_changes
    draft = article.get_latest_revision_as_object()
    assert draft.title == pending["title"]
    assert [c.text for c in draft.corrections.all()] == [text]


def test_corrections_need_publishing_rights_a_live_article_and_text(
    client, section, author, editor, moderator
):
    article_id = _published(client, section, editor, moderator)
    url = f"/api/v1/articles/{article_id}/corrections"
    refused = send(client, "post", url, key_for(editor), {"text": "A correction."})
    assert refused.status_code == 403 and refused.json()["field"] == "article"
    empty = send(client, "post", url, key_for(moderator), {"text": ""})
    assert empty.status_code == 422 and empty.json()["field"] == "text"
    missing = send(client, "post", url, key_for(moderator), {})
    assert missing.status_code == 422 and missing.json()["field"].endswith("text")
    too_long = send(client, "post", url, key_for(moderator), {"text": "x" * 1001})
    assert too_long.status_code == 422 and too_long.json()["field"] == "text"
    other = {**NEW, "title": "Tram depot plans shown", "section": section.pk}
    draft = send(client, "post", "/api/v1/articles", key_for(editor), other)
    unpublished = f"/api/v1/articles/{draft.json()['id']}/corrections"
    response = send(client, "post", unpublished, key_for(moderator), {"text": "A correction."})
    assert response.status_code == 422 and response.json()["field"] == "article"
    shown = client.get(f"/api/v1/articles/{article_id}?fields=corrections").json()
    assert shown["corrections"] == []


# ---- Hero photos ---------------------------------------------------------------------------


def png(name: str = "ring-road.png", size: tuple[int, int] = (64, 48)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "darkorange").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def upload(client, article_id: int, headers, **fields):
    return client.post(f"/api/v1/articles/{article_id}/hero", data=fields, headers=headers)


def test_a_hero_photo_is_uploaded_into_a_draft_and_shown_once_published(
    client, section, author, editor, moderator
):
    article_id = _published(client, section, editor, moderator)
    alt = "A night bus waits at the ring road stop."
    response = upload(client, article_id, key_for(editor), file=png(), alt=alt, credit="Desk photo")
    assert response.status_code == 200, response.content
    photo = Photo.objects.get(pk=response.json()["photo"])
    assert (photo.description, photo.credit, photo.uploaded_by_user) == (alt, "Desk photo", editor)
    assert photo.title == "ring-road"
    before = client.get(f"/api/v1/articles/{article_id}?fields=hero").json()
    assert before["hero"] is None  # a draft until published
    send(client, "post", f"/api/v1/articles/{article_id}/publish", key_for(moderator))
    hero = client.get(f"/api/v1/articles/{article_id}?fields=hero").json()["hero"]
    assert (hero["id"], hero["alt"], hero["credit"]) == (photo.pk, alt, "Desk photo")
    article = ArticlePage.objects.get(pk=article_id)
    actions = list(PageLogEntry.objects.filter(page=article).values_list("action", "user"))
    assert ("wagtail.edit", editor.pk) in actions


def test_hero_uploads_are_checked_as_the_admin_checks_them(
    client, section, author, editor, moderator, settings
):
    article_id = _published(client, section, editor, moderator)
    headers = key_for(editor)
    no_alt = upload(client, article_id, headers, file=png())
    assert no_alt.status_code == 422 and no_alt.json()["field"] == "alt"
    text = SimpleUploadedFile("notes.png", b"not a picture at all", content_type="image/png")
    not_image = upload(client, article_id, headers, file=text, alt="Notes")
    assert not_image.status_code == 422 and not_image.json()["field"] == "file"
    svg = SimpleUploadedFile("map.txt", b"plain words", content_type="text/plain")
    wrong_type = upload(client, article_id, headers, file=svg, alt="A map")
    assert wrong_type.status_code == 422 and wrong_type.json()["field"] == "file"
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    too_big = upload(client, article_id, headers, file=png(size=(400, 300)), alt="Big")
    assert too_big.status_code == 422 and too_big.json()["field"] == "file"
    assert "100" in too_big.json()["detail"] or "size" in too_big.json()["detail"].lower()
    no_file = upload(client, article_id, headers, alt="Nothing attached")
    assert no_file.status_code == 422 and no_file.json()["field"] == "file"
    assert not Photo.objects.exists()
    assert ArticlePage.objects.get(pk=article_id).get_latest_revision_as_object().hero_image is None


def test_hero_uploads_need_a_key_and_the_right_to_edit(client, section, author, editor, moderator):
    article_id = _published(client, section, editor, moderator)
    assert upload(client, article_id, {}, file=png(), alt="A bus").status_code == 401
    reader = User.objects.create_user("reader")
    refused = upload(client, article_id, key_for(reader), file=png(), alt="A bus")
    assert refused.status_code == 403 and refused.json()["field"] == "article"
    assert not Photo.objects.exists()
