"""What follows an article (topics, share links, previous/next, related), moved pages, errors."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import RequestFactory
from django.views.defaults import server_error
from wagtail.models import PageViewRestriction

from broadsheet.site.share import share_links
from tests import factories
from tests.site.conftest import START, publish, publish_many, soup

pytestmark = pytest.mark.django_db


def _more(html):
    return html.select_one(".article-more")


def test_related_prefers_shared_tags_then_the_section(client, newsroom):
    city, sport = newsroom["city"], newsroom["sport"]
    article = publish(city, "Bridge closes for repairs", at=START, tags=["bridge", "traffic"])
    publish(
        sport,
        "Marathon rerouted over bridge",
        at=START - timedelta(days=9),
        tags=["bridge", "traffic"],
    )
    publish(sport, "Cyclists welcome bridge plan", at=START - timedelta(days=2), tags=["bridge"])
    publish(city, "Council meets", at=START - timedelta(days=1))
    publish(sport, "Unrelated result", at=START - timedelta(hours=1))
    html = soup(client, article.url)
    related = [a.get_text() for a in _more(html).select(".related__list a")]
    assert related == [
        "Marathon rerouted over bridge",  # two shared tags
        "Cyclists welcome bridge plan",  # one shared tag
        "Council meets",  # same section
    ]


def test_related_leaves_out_drafts_and_restricted_articles(client, newsroom):
    city = newsroom["city"]
    article = publish(city, "Main story", at=START, tags=["budget"])
    factories.make_article(city, title="Draft budget", tags=["budget"], publish=False)
    hidden = publish(newsroom["sport"], "Members only budget", at=START, tags=["budget"])
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    assert _more(soup(client, article.url)).select_one(".related") is None


def test_previous_and_next_stay_within_the_section(client, newsroom):
    first, middle, last = publish_many(newsroom["city"], 3)
    publish(newsroom["sport"], "Sport in between", at=START + timedelta(minutes=90))
    nav = _more(soup(client, middle.url)).select_one("nav.sequence")
    assert nav["aria-label"] == "More in City"
    assert nav.select_one("a[rel=prev]")["href"] == first.url
    assert nav.select_one("a[rel=next]")["href"] == last.url
    assert "Story 000" in nav.select_one(".sequence__previous").get_text()
    newest = _more(soup(client, last.url)).select_one("nav.sequence")
    assert newest.select_one("a[rel=next]") is None
    assert newest.select_one("a[rel=prev]")["href"] == middle.url


def test_topics_link_to_their_pages(client, newsroom):
    article = publish(newsroom["city"], "Flood defences", at=START, tags=["river sallow", "港口"])
    links = {a.get_text(): a["href"] for a in _more(soup(client, article.url)).select(".topics a")}
    assert links["river sallow"] == "/topics/river-sallow/"
    assert client.get(links["港口"]).status_code == 200


def test_share_links_are_plain_links_with_the_article_address(client, newsroom):
    article = publish(newsroom["city"], "Ferry & bus timetable", at=START)
    html = soup(client, article.url)
    links = {a.get_text(): a["href"] for a in _more(html).select(".share a")}
    assert set(links) == {"Email", "Bluesky", "Facebook", "LinkedIn", "X", "WhatsApp"}
    full_url = article.full_url
    assert full_url.endswith("/city/ferry-bus-timetable/")
    email = urlsplit(links["Email"])
    assert email.scheme == "mailto"
    assert parse_qs(email.query) == {"subject": ["Ferry & bus timetable"], "body": [full_url]}
    assert "%20" in links["Email"] and "+" not in links["Email"]
    assert parse_qs(urlsplit(links["Facebook"]).query) == {"u": [full_url]}
    assert parse_qs(urlsplit(links["Bluesky"]).query)["text"] == [
        f"Ferry & bus timetable {full_url}"
    ]
    sources = [script["src"] for script in html.find_all("script", src=True)]
    assert all(src.startswith("/") for src in sources), "no third-party (share widget) scripts"
    assert not html.find_all("iframe")


def test_share_link_services_are_fixed_and_https():
    links = share_links(url="https://news.example.org/a/", title="A")
    assert [link.service for link in links] == [
        "email",
        "bluesky",
        "facebook",
        "linkedin",
        "x",
        "whatsapp",
    ]
    assert all(link.url.startswith(("mailto:", "https://")) for link in links)


def test_extras_come_after_the_comments(client, newsroom):
    article = publish(newsroom["city"], "Story", at=START, tags=["one"])
    html = soup(client, article.url)
    comments, more = html.find("section", id="comments"), _more(html)
    assert comments.sourceline < more.sourceline


def test_stylesheet_has_print_and_dark_rules():
    text = Path(finders.find("site/css/site.css")).read_text()
    assert "@media print" in text
    assert "@media (prefers-color-scheme: dark)" in text
    assert ":focus-visible" in text
    assert "@import" not in text and "url(" not in text, "no extra requests from the stylesheet"


# ---- Moved pages and errors -------------------------------------------------------------------


def test_changing_a_slug_keeps_the_old_address_working(
    client, newsroom, django_capture_on_commit_callbacks
):
    article = factories.make_article(newsroom["city"], title="Pier reopens", slug="pier-reopens")
    old_url = article.url
    article.slug = "pier-reopens-after-storm"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail redirects after commit
        article.save_revision().publish()
    article.refresh_from_db()
    response = client.get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/city/pier-reopens-after-storm/")
    assert client.get(response["Location"]).status_code == 200


def test_not_found_page_is_themed_with_one_h1_and_a_search_form(client, newsroom):
    html = soup(client, "/no/such/page/", status=404)
    assert [h.get_text() for h in html.find_all("h1")] == ["Page not found"]
    assert html.select_one("main form[role=search] input[name=q]")
    assert html.select_one("nav[aria-label=Sections]")


def test_server_error_page_renders_without_a_request_context(client):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert "/static/site/css/site.css" in html
    assert html.count("<h1>") == 1
