"""The sign-up box at the end of article pages, and the cache keys of the newsletters' pages:
a changed newsletter reaches every page listing it, a sent edition only its own archive."""

import time

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broadsheet.caching import keys
from broadsheet.newsletters import sending, traps
from broadsheet.newsletters.models import Edition, EditionStatus, Newsletter, Subscriber
from tests.newsletters.conftest import article, make_newsroom
from tests.newsletters.test_editions import reader

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture
def newsroom(db, author, committing):
    # Committed, so that what the tests change is purged in batches of its own.
    with committing():
        return make_newsroom(author)


def box_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(class_="newsletter-box")


def test_an_article_ends_with_a_sign_up_box_after_its_comments(client, newsroom):
    story = article(newsroom, "Lifeboat crew welcomes two volunteers")
    Newsletter.objects.create(name="Weekend Read", slug="weekend", position=5)

    response = client.get(story.url)
    html = response.content.decode()
    box = box_of(response)

    assert box is not None
    assert html.index('id="comments') < html.index("newsletter-box")
    offered = [label.strong.get_text() for label in box.find_all("label") if label.strong]
    assert offered == ["Morning Tide", "Weekend Read"]
    assert b"csrfmiddlewaretoken" not in response.content  # the same page for every reader
    assert "public" in response["Cache-Control"]
    ids = [tag["id"] for tag in BeautifulSoup(html, "html.parser").find_all(id=True)]
    assert len(ids) == len(set(ids)), "the box shares no element id with the comment form"


def test_signing_up_from_the_article_s_box_sends_the_confirmation(client, newsroom, smtp):
    story = article(newsroom, "Lifeboat crew welcomes two volunteers")
    form = box_of(client.get(story.url)).form
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("type") != "checkbox"
    }
    data["email"] = "noor@reader.example"
    data["newsletters"] = [form.find("input", type="checkbox")["value"]]
    time.sleep(traps.MIN_SECONDS + 0.5)  # a person reads before signing up; bots do not

    response = client.post(form["action"], data, **ORIGIN)

    assert response.status_code == 200, response.content
    assert b"Check your inbox" in response.content
    assert Subscriber.objects.get(email="noor@reader.example").confirmed_at is None
    assert len(smtp.to("noor@reader.example")) == 1


def test_without_an_offered_newsletter_there_is_no_box(client, newsroom):
    story = article(newsroom, "Lifeboat crew welcomes two volunteers")
    Newsletter.objects.update(active=False)
    assert box_of(client.get(story.url)) is None


def test_the_box_costs_no_query_once_remembered(client, newsroom):
    story = article(newsroom, "Lifeboat crew welcomes two volunteers")
    client.get(story.url)
    with CaptureQueriesContext(connection) as queries:
        assert box_of(client.get(story.url)) is not None
    assert len(queries) == 1, "\n".join(q["sql"] for q in queries.captured_queries)


def test_renaming_a_newsletter_shows_at_once_and_purges_the_pages_listing_it(
    client, newsroom, cache, committing
):
    with committing():
        story = article(newsroom, "Lifeboat crew welcomes two volunteers")
    newsletter = newsroom["newsletter"]
    shown = keys.parse(client.get(story.url)[keys.HEADER])
    index = keys.parse(client.get("/newsletters/")[keys.HEADER])
    cache.clear()

    newsletter.name = "Morning Tide Daily"
    with committing():
        newsletter.save()

    assert "newsletters" in shown & index & cache.keys()
    assert "Morning Tide Daily" in box_of(client.get(story.url)).get_text()


def test_a_sent_edition_purges_its_archive_and_feed_but_no_article(
    client, newsroom, smtp, cache, committing
):
    newsletter = newsroom["newsletter"]
    with committing():
        story = article(newsroom, "Lifeboat crew welcomes two volunteers")
        reader(newsletter)
    shown = keys.parse(client.get(story.url)[keys.HEADER])
    archive = keys.parse(client.get(f"/newsletters/{newsletter.slug}/")[keys.HEADER])
    feed = keys.parse(client.get(f"/newsletters/{newsletter.slug}/feed/")[keys.HEADER])
    cache.clear()

    with committing():
        edition, counts = sending.send_now(newsletter)

    assert counts["sent"] == 1
    purged = cache.keys()
    assert f"newsletter-{newsletter.pk}" in purged & archive & feed
    assert not purged & (shown - {"site", "missing"}), "sending purges no article page"
    page = client.get(edition.get_absolute_url())
    assert f"newsletter-{newsletter.pk}" in keys.parse(page[keys.HEADER])
    assert edition.subject in client.get(f"/newsletters/{newsletter.slug}/").content.decode()


def test_deleting_a_sent_edition_purges_its_archive(client, newsroom, cache, committing):
    newsletter = newsroom["newsletter"]
    with committing():
        edition = Edition.objects.create(
            newsletter=newsletter,
            subject="The harbour wall",
            status=EditionStatus.SENT,
            finished_at=timezone.now(),
        )
    cache.clear()
    with committing():
        edition.delete()
    assert cache.keys() == {f"newsletter-{newsletter.pk}"}
