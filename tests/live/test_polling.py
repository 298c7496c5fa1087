"""The poll answer (``updates/?after=<entry>``): what an open page lacks, the same for every
reader at the same entry, so the cache in front answers the audience."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.live import actions
from tests.live.conftest import body, post

pytestmark = pytest.mark.django_db


def poll(client, blog, after):
    response = client.get(f"{blog.url}updates/", {"after": after})
    assert response.status_code == 200
    return response.json()


def test_a_poll_carries_the_entries_newer_than_the_readers_newest(client, blog):
    seen = post(blog, "The tide peaks at half past six.", minutes_ago=20)
    first = post(blog, "Water over the quay wall at Fishergate.", minutes_ago=10)
    second = post(blog, "The lifeboat is launched.")

    answer = poll(client, blog, seen.pk)

    assert answer["latest"] == second.pk
    assert [entry["id"] for entry in answer["entries"]] == [second.pk, first.pk]
    assert "The lifeboat is launched." in answer["entries"][0]["html"]
    assert answer["complete"] is True
    assert answer["edited"] == [] and answer["deleted"] == []


def test_a_poll_at_the_newest_entry_carries_nothing_new(client, blog):
    newest = post(blog, "Nothing more to report for now.")

    answer = poll(client, blog, newest.pk)

    assert answer == {
        "latest": newest.pk,
        "complete": True,
        "entries": [],
        "edited": [],
        "deleted": [],
    }


def test_edits_and_deletions_reach_open_pages_on_the_next_poll(client, blog):
    older = post(blog, "Two roads closed.", minutes_ago=5)
    wrong = post(blog, "A rumour about the dam.", minutes_ago=4)
    newest = post(blog, "Schools close early.", minutes_ago=3)
    assert poll(client, blog, newest.pk)["edited"] == []

    older.body = body("Three roads closed, not two.")
    older.correction = "An earlier version said two roads were closed."
    actions.save_entry(entry=older)
    actions.delete_entry(entry=wrong)
    answer = poll(client, blog, newest.pk)

    assert [entry["id"] for entry in answer["edited"]] == [older.pk]
    assert "Three roads closed" in answer["edited"][0]["html"]
    assert "An earlier version said" in answer["edited"][0]["html"]
    assert answer["deleted"] == [wrong.pk]


def test_a_poll_needs_a_known_entry(client, blog):
    post(blog, "Still blowing hard.")
    assert client.get(f"{blog.url}updates/").status_code == 404
    assert client.get(f"{blog.url}updates/", {"after": "x1"}).status_code == 404
    assert client.get(f"{blog.url}updates/", {"after": "999999"}).status_code == 404


def test_only_a_live_blog_page_polls(client, blog):
    newest = post(blog, "Winds ease after midnight.")
    html = client.get(blog.url).content.decode()
    assert f'data-poll-url="{blog.url}updates/" data-latest="{newest.pk}"' in html
    assert "live/live.js" in html

    blog.status = "ended"
    blog.save_revision().publish()
    html = client.get(blog.url).content.decode()
    assert "data-poll-url" not in html and "live/live.js" not in html


def test_a_page_that_showed_no_entry_polls_from_the_start(client, blog):
    html = client.get(blog.url).content.decode()
    assert 'data-latest="0"' in html
    assert poll(client, blog, 0)["entries"] == []

    entry = post(blog, "Coverage begins: the first gusts reach the coast.")
    answer = poll(client, blog, 0)

    assert answer["latest"] == entry.pk
    assert [item["id"] for item in answer["entries"]] == [entry.pk]


def queries(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_the_head_and_a_poll_cost_the_same_whatever_the_number_of_entries(client, blog):
    first = post(blog, "The first update.", minutes_ago=60)
    for n in range(2):
        post(blog, f"Short update {n}.", minutes_ago=50 - n)
    # The site, settings and routes remembered, as on a warm server.
    client.get(blog.url)
    client.get(f"{blog.url}updates/", {"after": 0})
    few = queries(client, blog.url), queries(client, f"{blog.url}updates/", after=first.pk)

    for n in range(40):
        post(blog, f"Another update {n}.", minutes_ago=40 - n)
    many = queries(client, blog.url), queries(client, f"{blog.url}updates/", after=first.pk)

    assert few == many
