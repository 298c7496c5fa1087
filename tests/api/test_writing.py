"""The write API with a key bound to a Wagtail user: drafts, revisions in the page's history,
publishing, the workflow, that user's permissions, field-named validation errors."""

import json

import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import PageLogEntry

from broadsheet.api.models import ApiKey
from broadsheet.articles.models import ArticlePage

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
