"""A live blog's ``LiveBlogPosting`` and its entries feeds."""

import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from django.utils import timezone

from broadsheet.live.models import Status
from tests import factories
from tests.live.conftest import make_blog, post

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def json_ld(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


def test_the_page_describes_itself_as_a_live_blog_posting(client, section):
    start = timezone.now() - timedelta(hours=3)
    author = factories.make_author(name="Ines Calloway", slug="ines-calloway")
    blog = make_blog(
        section,
        title="Count night in the riverside wards",
        slug="count-night",
        coverage_start=start,
        authors=[author],
    )
    entry = post(blog, "The first ballot boxes arrive.", title="Boxes arrive")

    html = client.get(blog.url).content.decode()
    posting = next(d for d in json_ld(html) if d["@type"] == "LiveBlogPosting")

    assert posting["headline"] == "Count night in the riverside wards"
    assert posting["coverageStartTime"].startswith(start.isoformat()[:19])
    assert "coverageEndTime" not in posting
    assert posting["author"][0]["name"] == "Ines Calloway"
    update = posting["liveBlogUpdate"][0]
    assert update["headline"] == "Boxes arrive"
    assert update["url"].endswith(f"{blog.url}entries/{entry.pk}/")
    assert update["articleBody"] == "The first ballot boxes arrive."


def test_the_entries_feeds_list_the_newest_entries(client, blog):
    post(blog, "Hail on the ring road.", minutes_ago=5, title="Hail")
    newest = post(blog, "Sunshine over the marshes.", title="Sunshine")

    rss = ElementTree.fromstring(client.get(f"{blog.url}feed/rss/").content)
    titles = [item.findtext("title") for item in rss.iter("item")]
    assert titles == ["Sunshine", "Hail"]
    assert rss.find("channel/item/link").text.endswith(f"entries/{newest.pk}/")

    atom = client.get(f"{blog.url}feed/atom/")
    assert atom.status_code == 200 and b"Sunshine over the marshes." in atom.content
    items = client.get(f"{blog.url}feed/json/").json()["items"]
    assert [item["title"] for item in items] == ["Sunshine", "Hail"]
    assert client.get(f"{blog.url}feed/xml/").status_code == 404


def test_the_news_sitemap_lists_a_live_blog_while_it_is_live(client, section, committing):
    with committing():
        running = make_blog(section, title="Count night in Brennock", slug="count-night")
        ended = make_blog(section, title="Storm Edda", slug="storm-edda", status=Status.ENDED)
        coming = make_blog(section, title="Regatta day", slug="regatta", status=Status.UPCOMING)
        article = factories.make_article(section, title="Turnout up in the valley", slug="turnout")

    def listed() -> dict[str, str]:
        answer = client.get("/sitemap-news.xml")
        assert answer.status_code == 200
        assert "liveblogs" in answer["Surrogate-Key"].split()
        tree = ElementTree.fromstring(answer.content)
        return {
            urlsplit(url.findtext(f"{SITEMAP}loc")).path: url.findtext(f"{NEWS}news/{NEWS}title")
            for url in tree.findall(f"{SITEMAP}url")
        }

    urls = listed()
    assert urls[running.url] == "Count night in Brennock"
    assert urls[article.url] == "Turnout up in the valley"
    assert not {ended.url, coming.url} & set(urls)

    # Its coverage ends: it leaves the sitemap, which the publish purged.
    running.status = Status.ENDED
    with committing():
        running.save_revision().publish()
    assert running.url not in listed()
