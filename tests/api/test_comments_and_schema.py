"""Visible comments through the API, and the published OpenAPI document."""

import pytest

from broadsheet.caching import keys
from broadsheet.comments.models import Comment, CommentState
from tests import factories


@pytest.mark.django_db
def test_only_visible_comments_oldest_first_with_a_cursor(client, section):
    article = factories.make_article(section)
    texts = ["First to say it", "Agreed, good work", "Held back text", "A third voice"]
    for n, text in enumerate(texts):
        state = CommentState.PENDING if n == 2 else CommentState.APPROVED
        Comment.objects.create(
            article=article, name=f"Reader {n}", email=f"r{n}@example.org", text=text, state=state
        )
    response = client.get(f"/api/v1/articles/{article.pk}/comments?limit=2")
    data = response.json()
    assert [c["name"] for c in data["items"]] == ["Reader 0", "Reader 1"]
    assert f"comments-{article.pk}" in keys.parse(response[keys.HEADER])
    rest = client.get(data["next_url"]).json()
    assert [c["name"] for c in rest["items"]] == ["Reader 3"] and rest["next"] is None


@pytest.mark.django_db
def test_openapi_31_document_and_reference_page(client):
    response = client.get("/api/v1/openapi.json")
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert "/api/v1/articles" in document["paths"]
    assert "/api/v1/articles/{article_id}/comments" in document["paths"]
    filters = {p["name"] for p in document["paths"]["/api/v1/articles"]["get"]["parameters"]}
    assert {
        "section", "tag", "author", "story", "language", "published_since",
        "published_before", "updated_since", "updated_before",
    } <= filters  # fmt: skip
    page = client.get("/api/v1/reference")
    assert page.status_code == 200 and b"openapi.json" in page.content
