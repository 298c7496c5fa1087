"""Hundreds of hostile inputs through name, email and text: nothing executable comes out."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from broadsheet.comments.models import Comment
from broadsheet.comments.text import render_text
from tests.comments.helpers import post_comment

pytestmark = pytest.mark.django_db

PAYLOADS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "xss_payloads.txt"
PAYLOADS = [
    line
    for line in PAYLOADS_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("# ")
]
DANGEROUS_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "style", "base", "meta", "frame",
    "frameset", "applet", "template", "portal", "img", "video", "audio", "input", "textarea",
    "select", "button", "dialog", "details", "marquee", "isindex", "keygen", "bgsound", "xmp",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "background"}
BAD_SCHEME = re.compile(r"^(javascript|data|vbscript):")


def squash(value: str) -> str:
    """What a browser sees as a URL scheme: control characters and whitespace ignored."""
    return re.sub(r"[\x00-\x20]", "", value).lower()


def assert_nothing_executable(html: str, *, ours=frozenset()) -> None:
    page = BeautifulSoup(html, "html.parser")
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), element
            if name.lower() in URL_ATTRIBUTES:
                value = " ".join(value) if isinstance(value, list) else value
                assert not BAD_SCHEME.match(squash(value)), element
        if element.name == "script" and element.get("type") == "application/ld+json":
            assert "alert" not in (element.string or ""), element  # page metadata, not code
        elif element.name == "script":
            assert element.get("src", "").startswith("/static/") and not element.string, element
    for text in page.select(".comment__text"):
        assert {tag.name for tag in text.find_all(True)} <= {"p", "br", "a"}, text
        for link in text.find_all("a"):
            assert link["rel"] == ["nofollow", "ugc", "noopener"]
            assert squash(link["href"]).startswith(("http://", "https://")), link
    for name in page.select(".comment__author"):
        assert not name.find_all(True), name


def test_fixture_holds_at_least_300_distinct_payloads():
    assert len(set(PAYLOADS)) >= 300


def test_renderer_output_is_safe_for_every_payload():
    for payload in PAYLOADS:
        assert_nothing_executable(f'<div class="comment__text">{render_text(payload)}</div>')


@override_settings(BROADSHEET_COMMENT_CHECKS=[])
def test_payloads_through_name_and_text_render_nothing_executable(
    client, article, comment_settings
):
    comment_settings.page_size = 1000
    comment_settings.max_length = 5000
    comment_settings.save()
    for payload in PAYLOADS:
        response = post_comment(client, article, name=payload[:80], text=payload, json=True)
        assert response.status_code in (201, 400), payload
        data = response.json()
        if "html" in data:
            assert_nothing_executable(data["html"])
    assert Comment.objects.visible().count() > 300
    page = client.get(article.url)
    assert_nothing_executable(page.content.decode())
    assert_nothing_executable(client.get(article.url + "?sort=newest").content.decode())


@override_settings(BROADSHEET_COMMENT_CHECKS=[])
def test_payloads_through_email_and_the_reshown_form_render_nothing_executable(client, article):
    for payload in PAYLOADS:
        response = post_comment(client, article, email=payload, name=payload[:200], text=payload)
        assert response.status_code in (302, 400), payload
        if response.status_code == 400:
            assert_nothing_executable(response.content.decode())
        else:
            assert_nothing_executable(client.get(response["Location"]).content.decode())
