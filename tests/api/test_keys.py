"""API keys: hashed at rest, rate limits with RateLimit headers and 429, CORS per key, drafts
previewed for the key's user, keys made in the admin."""

import pytest
from django.contrib.auth.models import Group, User

from broadsheet.api.models import ApiKey, digest
from tests import factories

pytestmark = pytest.mark.django_db


def make_key(**fields) -> tuple[ApiKey, str]:
    key = ApiKey(name=fields.pop("name", "Newsletter tool"), **fields)
    secret = key.issue()
    key.save()
    return key, secret


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_only_a_digest_of_the_key_is_stored(client, section):
    key, secret = make_key()
    stored = ApiKey.objects.values_list("hashed", "lookup").get(pk=key.pk)
    assert secret not in stored and stored[0] == digest(secret)
    response = client.get("/api/v1/articles", headers=bearer(secret))
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert response["RateLimit-Limit"] == "600"


def test_unknown_and_inactive_keys_are_refused(client, section):
    key, secret = make_key(active=False)
    for sent in (secret, "bsk_0000000000000000_made-up", "nonsense"):
        response = client.get("/api/v1/articles", headers=bearer(sent))
        assert response.status_code == 401 and response.json()["field"] == "Authorization"


def test_a_key_over_its_limit_gets_429_with_headers(client, section):
    _, secret = make_key(per_minute=3)
    remaining = [
        client.get("/api/v1/site", headers=bearer(secret))["RateLimit-Remaining"] for _ in range(3)
    ]
    assert remaining == ["2", "1", "0"]
    refused = client.get("/api/v1/site", headers=bearer(secret))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) <= 60 and refused["RateLimit-Remaining"] == "0"


def test_anonymous_clients_are_limited_per_address_and_stay_shareable(client, section, settings):
    settings.BROADSHEET_API_ANONYMOUS_PER_MINUTE = 2
    first = client.get("/api/v1/site", REMOTE_ADDR="192.0.2.7")
    assert "public" in first["Cache-Control"]
    assert first["RateLimit-Policy"] == "2;w=60" and "RateLimit-Remaining" not in first
    client.get("/api/v1/site", REMOTE_ADDR="192.0.2.7")
    assert client.get("/api/v1/site", REMOTE_ADDR="192.0.2.7").status_code == 429
    assert client.get("/api/v1/site", REMOTE_ADDR="192.0.2.8").status_code == 200
    _, secret = make_key()
    assert (
        client.get("/api/v1/site", REMOTE_ADDR="192.0.2.7", headers=bearer(secret)).status_code
        == 200
    )


def test_cors_is_open_for_anonymous_reads_and_per_key_otherwise(client, section):
    _, secret = make_key(allowed_origins="https://app.example.org\n")
    anonymous = client.get("/api/v1/site", headers={"Origin": "https://elsewhere.example"})
    assert anonymous["Access-Control-Allow-Origin"] == "*"
    allowed = client.get(
        "/api/v1/site", headers={"Origin": "https://app.example.org", **bearer(secret)}
    )
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    other = client.get(
        "/api/v1/site", headers={"Origin": "https://elsewhere.example", **bearer(secret)}
    )
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(
        "/api/v1/articles",
        headers={"Origin": "https://app.example.org", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 204
    assert "Authorization" in preflight["Access-Control-Allow-Headers"]


def test_a_draft_is_previewed_only_for_a_user_who_may_edit_it(client, section):
    article = factories.make_article(section, title="Council vote tonight", slug="vote")
    article.title = "Council vote postponed"
    article.save_revision()
    editor = User.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    reader = User.objects.create_user("partner")
    _, editor_key = make_key(user=editor)
    _, reader_key = make_key(name="Partner", user=reader)
    url = f"/api/v1/articles/{article.pk}?preview=true&fields=title"
    response = client.get(url, headers=bearer(editor_key))
    assert response.json()["title"] == "Council vote postponed"
    assert "private" in response["Cache-Control"]
    assert client.get(url, headers=bearer(reader_key)).status_code == 404
    assert client.get(url).status_code == 403
    public = client.get(f"/api/v1/articles/{article.pk}?fields=title").json()
    assert public["title"] == "Council vote tonight"


def test_a_key_made_in_the_admin_is_shown_once_and_works(client, section):
    admin = User.objects.create_superuser("chief", password="pw-for-tests")
    client.force_login(admin)
    response = client.post(
        "/admin/api_keys/new/",
        {"name": "Partner feed", "per_minute": "120", "allowed_origins": "", "active": "on"},
        follow=True,
    )
    assert response.status_code == 200
    shown = next(str(m) for m in response.context["messages"] if "bsk_" in str(m))
    secret = shown.rsplit(" ", 1)[-1]
    client.logout()
    assert client.get("/api/v1/site", headers=bearer(secret))["RateLimit-Limit"] == "120"
