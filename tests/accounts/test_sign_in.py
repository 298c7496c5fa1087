"""Signing in and out, and what a signed-in reader may open."""

import pytest

from tests.accounts.conftest import PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def test_the_right_password_signs_in_and_lands_on_the_front_page(client, reader):
    response = sign_in(client, "marjorie@example.net")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(reader.pk)


def test_the_email_is_matched_without_regard_to_case(client, reader):
    assert sign_in(client, "Marjorie@Example.NET").status_code == 302


def test_a_wrong_password_is_refused(client, reader):
    response = sign_in(client, "marjorie@example.net", password=PASSWORD + "!")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_address_is_refused(client, reader):
    response = sign_in(client, "nobody@example.net")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_signing_in_leaves_no_message_behind(client, reader):
    """A leftover 'signed in as ...' notice would surface on some later page."""
    response = sign_in(client, "marjorie@example.net", next="/accounts/")
    assert response["Location"] == "/accounts/"
    page = client.get("/accounts/").content.decode()
    assert "You are signed in as <strong>marjorie@example.net</strong>" in page
    assert "account-messages" not in page


def test_the_account_page_needs_sign_in_and_is_never_cached(client, reader):
    response = client.get("/accounts/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/"
    client.force_login(reader, backend="django.contrib.auth.backends.ModelBackend")
    response = client.get("/accounts/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_sign_out_needs_a_post(client, reader):
    sign_in(client, "marjorie@example.net")
    page = client.get("/accounts/logout/")
    assert page.status_code == 200
    assert '<form method="post" action="/accounts/logout/">' in page.content.decode()
    assert "_auth_user_id" in client.session
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_reader_account_does_not_open_the_admin(client, reader):
    sign_in(client, "marjorie@example.net")
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "path",
    ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"],
)
def test_account_forms_need_no_javascript(client, path):
    page = client.get(path).content.decode()
    assert '<form class="account-form" method="post"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert "<script" not in page
