"""HTTP methods: 405 with Allow where a method is not taken, HEAD wherever GET works."""

import pytest
from django.http import FileResponse, HttpResponse
from django.test import RequestFactory

from broadsheet.ops.methods import AllowedMethodsMiddleware
from tests import factories
from tests.comments.helpers import post_comment

pytestmark = pytest.mark.django_db

READER_ALLOW = "GET, HEAD, OPTIONS"


@pytest.fixture
def article(db):
    section = factories.make_section(factories.make_home())
    return factories.make_article(section, title="Harbour wall repaired", slug="harbour-wall")


@pytest.fixture(params=["/", "article", "/search/", "/feeds/rss/"])
def reader_path(request, article):
    return article.url if request.param == "article" else request.param


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "POST", "PROPFIND"])
def test_methods_a_reader_page_does_not_take_are_405_with_allow(client, reader_path, method):
    response = client.generic(method, reader_path)

    assert response.status_code == 405
    assert response["Allow"] == READER_ALLOW
    assert "no-store" in response["Cache-Control"]


def test_head_answers_like_get_without_the_body(client, reader_path):
    got = client.get(reader_path)
    head = client.head(reader_path)

    assert got.status_code == head.status_code == 200
    assert head.content == b""
    for header in ("Content-Type", "ETag", "Cache-Control"):
        assert head[header] == got[header]
    assert int(head["Content-Length"]) > 0


def test_options_is_200_with_allow_and_no_body(client, reader_path):
    response = client.options(reader_path)

    assert response.status_code == 200
    assert response["Allow"] == READER_ALLOW
    assert response.content == b""


def test_comment_endpoints_take_posts_and_refuse_put(client, article):
    assert post_comment(client, article, json=True).status_code == 201

    response = client.put(f"/comments/post/{article.pk}/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS, POST"


def test_admin_sign_in_still_posts(client, django_user_model):
    django_user_model.objects.create_superuser("ada", "ada@courier.example", "pw")

    response = client.post("/admin/login/", {"username": "ada", "password": "pw"})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_health_checks_answer_head(client):
    assert client.head("/readyz").status_code == 200
    assert client.generic("TRACE", "/readyz").status_code == 405


def test_the_body_of_a_head_response_is_dropped_here_not_by_the_server(tmp_path):
    page = AllowedMethodsMiddleware(lambda request: HttpResponse(f"<p>{request.method}</p>"))

    response = page(RequestFactory().head("/"))

    assert response.content == b""
    assert response["Content-Length"] == str(len("<p>GET</p>"))


def test_a_streamed_file_sends_no_body_to_head(tmp_path):
    photo = tmp_path / "harbour.txt"
    photo.write_bytes(b"harbour wall")
    opened = []

    def serve(request):
        opened.append(photo.open("rb"))
        return FileResponse(opened[-1])

    response = AllowedMethodsMiddleware(serve)(RequestFactory().head("/media/harbour.txt"))

    assert b"".join(response.streaming_content) == b""
    assert response["Content-Length"] == "12"
    response.close()
    assert opened[0].closed
