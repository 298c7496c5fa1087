"""The admin wears the newsroom's name and icon, and asks no third party for avatars."""

import pytest
from bs4 import BeautifulSoup
from django.templatetags.static import static

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def courier(home):
    return factories.name_test_site("The Harbour Courier")


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_admin_is_titled_with_the_site_name_and_shows_its_icon(admin_client, courier):
    html = page(admin_client, "/admin/")
    assert html.title.get_text(strip=True).endswith("- The Harbour Courier")
    assert html.h1.get_text(strip=True) == "The Harbour Courier"
    assert html.select_one('link[rel="icon"]')["href"] == static("site/favicon.svg")
    logo = html.select_one("template[data-wagtail-sidebar-branding-logo]")
    assert static("metadata/logo.svg") in logo.decode_contents()


def test_the_sign_in_page_names_the_site(client, courier):
    html = page(client, "/admin/login/")
    assert html.h1.get_text(strip=True) == "Sign in to The Harbour Courier"
    assert html.select_one(".login-logo img")["src"] == static("metadata/logo.svg")


def test_no_avatar_is_fetched_from_gravatar(admin_client, admin_user, courier):
    assert admin_user.email
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        response = admin_client.get(url)
        assert response.status_code == 200
        assert b"gravatar" not in response.content.lower()
    html = page(admin_client, "/admin/")
    avatars = [img["src"] for img in html.select("img.avatar, .avatar img")]
    assert avatars and all(src.startswith("/static/") for src in avatars)
