"""Characters XML cannot hold never break a feed or a sitemap; they are left out."""

import json
from datetime import timedelta

import feedparser
import pytest
from defusedxml import ElementTree
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from broadsheet.comments.models import Comment, CommentState
from broadsheet.core.models import SiteSettings
from broadsheet.feeds.xmltext import xml_safe
from tests import factories
from tests.feeds.conftest import PUBLISHED, SITE_NAME

pytestmark = pytest.mark.django_db

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def unsafe() -> str:
    """BEL, ESC, the non-character U+FFFE and, where the database can store it, NUL.

    PostgreSQL refuses NUL in text columns, so on PostgreSQL no stored text can hold one.
    """
    return "\x07\x1b\ufffe" + ("" if connection.vendor == "postgresql" else "\x00")


def test_xml_safe_keeps_every_xml_character_and_drops_the_rest():
    allowed = "\t\n\r \ud7ff\ue000\ufffd\U00010000\U0010ffff é–😀"
    assert xml_safe(allowed) == allowed
    refused = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
    assert xml_safe(f"a{refused}\ud800\udfff\ufffe\uffffb") == "ab"


def parse_xml(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.fixture
def spoilt_comment(article):
    bad = unsafe()
    return Comment.objects.create(
        article=article,
        name=f"Orla{bad} Penn",
        text=f"The old{bad} bridge was prettier.",
        state=CommentState.APPROVED,
        created_at=PUBLISHED + timedelta(minutes=5),
    )


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_comment_feed_with_control_characters_in_a_comment_still_parses(
    client, article, spoilt_comment, fmt
):
    url = reverse("feeds:comments", kwargs={"article_id": article.pk, "fmt": fmt})
    [entry] = parse_xml(client, url).entries
    assert entry.title == "Comment by Orla Penn"
    assert entry.author == "Orla Penn"
    assert "The old bridge was prettier." in entry.summary


@pytest.fixture
def spoilt_article(site, section, full_text):
    bad = unsafe()
    SiteSettings.objects.filter(site=site).update(site_name=f"{SITE_NAME}{bad}")
    author = factories.make_author(name=f"Ada{bad} Brennan", slug="ada-brennan")
    return factories.make_article(
        section,
        title=f"Harbour{bad} bridge reopens",
        slug="harbour-bridge-reopens",
        authors=[author],
        first_published_at=timezone.now() - timedelta(hours=1),
        standfirst=f"Crews{bad} finished early.",
        body=[
            *factories.paragraphs(f"The bridge{bad} opened at dawn."),
            ("subheading", f"Along{bad} the Sallow"),
        ],
        tags=[f"Harbour{bad}"],
    )


def article_feed_urls(fmt: str) -> list[str]:
    tag = Tag.objects.get()
    return [
        reverse("feeds:site", kwargs={"fmt": fmt}),
        reverse("feeds:section", kwargs={"fmt": fmt, "slug": "city"}),
        reverse("feeds:topic", kwargs={"fmt": fmt, "slug": tag.slug}),
        reverse("feeds:author", kwargs={"fmt": fmt, "slug": "ada-brennan"}),
    ]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_article_feeds_with_control_characters_in_every_field_still_parse(
    client, spoilt_article, fmt
):
    for url in article_feed_urls(fmt):
        [entry] = parse_xml(client, url).entries
        assert entry.title == "Harbour bridge reopens", url
        assert [author.name for author in entry.authors] == ["Ada Brennan"], url
        assert [tag.term for tag in entry.tags] == ["Harbour"], url
        assert entry.summary == "Crews finished early.", url
        assert "The bridge opened at dawn." in entry.content[0].value, url
        assert "<h2>Along the Sallow</h2>" in entry.content[0].value, url


def test_json_feeds_with_control_characters_answer_valid_json(client, spoilt_article):
    # feedparser 6.0 does not read JSON Feed; JSON escapes what XML cannot hold, so it is kept.
    for url in article_feed_urls("json"):
        response = client.get(url)
        assert response.status_code == 200, url
        [item] = json.loads(response.content)["items"]
        assert item["title"] == spoilt_article.title, url
        assert item["authors"][0]["name"] == f"Ada{unsafe()} Brennan", url


def test_sitemaps_with_control_characters_in_titles_still_parse(client, spoilt_article):
    for section in ("pages", "articles", "authors", "topics"):
        response = client.get(f"/sitemap-{section}.xml")
        assert response.status_code == 200, section
        ElementTree.fromstring(response.content)
    ElementTree.fromstring(client.get("/sitemap.xml").content)
    response = client.get("/sitemap-news.xml")
    assert response.status_code == 200
    news = ElementTree.fromstring(response.content)
    assert news.findtext(f".//{NEWS}title") == "Harbour bridge reopens"
    assert news.findtext(f".//{NEWS}name") == SITE_NAME
