"""Reader accounts inside the site: the header link, the admin login, cache-safe pages."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


def masthead(response) -> str:
    return str(BeautifulSoup(response.content, "html.parser").find("header", class_="masthead"))


def test_every_reader_gets_the_same_header_with_a_sign_in_link(client, home, section, reader):
    anonymous = client.get("/")
    assert anonymous.status_code == 200
    sign_in(client, "marjorie@example.net")
    signed_in = client.get("/")
    assert signed_in.status_code == 200
    assert "_auth_user_id" in client.session
    assert masthead(signed_in) == masthead(anonymous)
    link = BeautifulSoup(masthead(anonymous), "html.parser").find("a", string="Sign in")
    assert link["href"] == "/accounts/"
    page = signed_in.content.decode()
    assert "marjorie" not in page.lower()


def test_account_pages_wear_the_site_frame(client, home, section):
    page = client.get("/accounts/login/").content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("header", class_="masthead")
    assert soup.find("a", string="City")  # the section navigation
    assert soup.title.string.strip() == "Sign in – Broadsheet"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_staff_still_sign_in_to_the_wagtail_admin_by_user_name(client, db):
    get_user_model().objects.create_superuser(
        username="editor", email="editor@example.net", password="harbour-desk-5521"
    )
    response = client.post("/admin/login/", {"username": "editor", "password": "harbour-desk-5521"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_refuses_a_wrong_password(client, db):
    get_user_model().objects.create_superuser(
        username="editor", email="editor@example.net", password="harbour-desk-5521"
    )
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
