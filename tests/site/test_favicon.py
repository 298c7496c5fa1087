"""The site's icon: linked from every reader page's head, and at /favicon.ico for the habit."""

import xml.etree.ElementTree as ET  # noqa: S405 - parses our own static file
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from tests.site.conftest import START, publish, soup

pytestmark = pytest.mark.django_db

ICON = "site/favicon.svg"


def test_reader_pages_link_the_icon(client, newsroom):
    article = publish(newsroom["city"], "Quay lights switched on", at=START)
    for url in ("/", "/city/", article.url, "/search/?q=quay", "/no-such-page/"):
        html = soup(client, url, status=404 if url == "/no-such-page/" else 200)
        icon = html.head.select_one('link[rel="icon"]')
        assert icon["href"] == static(ICON), url
        assert icon["type"] == "image/svg+xml"


def test_favicon_ico_leads_to_the_icon(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == static(ICON)


def test_the_icon_is_a_small_square_svg():
    path = Path(finders.find(ICON))
    assert path.stat().st_size < 1024
    root = ET.parse(path).getroot()  # noqa: S314 - our own file
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 32 32"
