"""Through the cache: the head, the poll answers and the feeds are shareable and name the
blog's key; older pages and permalinks name only their entries; a change to an entry purges
exactly the blog's key and the entry's own (recorded by the stand-in cache of
tests/caching/conftest.py, as tests/caching/test_purging.py does)."""

import pytest

from broadsheet.caching import keys
from broadsheet.live import actions
from broadsheet.live.selectors import ENTRIES_PER_PAGE
from tests.live.conftest import body, make_blog, post

pytestmark = pytest.mark.django_db


def named(response) -> set[str]:
    assert response.status_code == 200
    assert "public" in response["Cache-Control"], response["Cache-Control"]
    return keys.parse(response[keys.HEADER])


def test_the_head_poll_and_feed_are_shared_and_name_the_blog(client, blog):
    entry = post(blog, "Harbour gates closing.")
    blog_key = f"liveblog-{blog.pk}"

    assert {f"page-{blog.pk}", blog_key} <= named(client.get(blog.url))
    assert blog_key in named(client.get(f"{blog.url}updates/", {"after": entry.pk}))
    for kind in ("rss", "atom", "json"):
        assert blog_key in named(client.get(f"{blog.url}feed/{kind}/"))


def test_older_pages_and_permalinks_name_only_their_entries(client, blog):
    entries = [post(blog, f"Gauge reading {n}.", minutes_ago=90 - n) for n in range(25)]
    newest_first = list(reversed(entries))
    cursor = newest_first[ENTRIES_PER_PAGE - 1].pk

    older = named(client.get(f"{blog.url}?before={cursor}"))
    assert f"liveblog-{blog.pk}" not in older
    assert {f"liveentry-{e.pk}" for e in newest_first[ENTRIES_PER_PAGE:]} <= older

    permalink = named(client.get(f"{blog.url}entries/{entries[3].pk}/"))
    assert f"liveblog-{blog.pk}" not in permalink
    assert f"liveentry-{entries[3].pk}" in permalink


def test_posting_an_entry_purges_the_head_and_nothing_else(cache, blog, committing):
    cache.clear()
    with committing():
        entry = post(blog, "The ring road reopens.")

    assert cache.key_batches() == [{f"liveblog-{blog.pk}", f"liveentry-{entry.pk}"}]


def test_editing_or_deleting_an_entry_purges_where_it_shows(cache, blog, committing):
    with committing():
        entry = post(blog, "Two ferries cancelled.")
    cache.clear()
    entry.body = body("Three ferries cancelled.")
    with committing():
        actions.save_entry(entry=entry)
    with committing():
        actions.delete_entry(entry=entry)

    expected = {f"liveblog-{blog.pk}", f"liveentry-{entry.pk}"}
    assert cache.key_batches() == [expected, expected]


def test_pinning_purges_the_entry_it_unpins_too(cache, blog, committing):
    with committing():
        first = post(blog, "Emergency numbers.", pinned=True)
    cache.clear()
    with committing():
        second = post(blog, "Updated emergency numbers.", pinned=True)

    assert cache.key_batches() == [
        {f"liveblog-{blog.pk}", f"liveentry-{first.pk}", f"liveentry-{second.pk}"}
    ]


def test_a_scheduled_entry_purges_when_it_goes_live(cache, blog, committing):
    with committing():
        entry = post(blog, "The evening forecast.")
        entry.published_at = entry.published_at.replace(year=entry.published_at.year + 1)
        actions.save_entry(entry=entry)
    cache.clear()
    with committing():
        actions.publish_due_entries(now=entry.published_at)

    assert cache.key_batches() == [{f"liveblog-{blog.pk}", f"liveentry-{entry.pk}"}]


def test_publishing_the_live_blog_page_purges_its_pages_not_the_site(cache, section, committing):
    with committing():
        blog = make_blog(section, title="Council budget night", slug="budget-night")
    cache.clear()
    blog.key_points = "<ul><li>Rates rise by two per cent.</li></ul>"
    with committing():
        blog.save_revision().publish()

    assert cache.key_batches() == [
        {f"page-{blog.pk}", f"liveblog-{blog.pk}", "missing", "liveblogs"}
    ]


def test_an_edit_reaches_the_next_poll_answer_without_waiting(client, blog):
    entry = post(blog, "Bins will not be collected.", minutes_ago=2)
    newest = post(blog, "Trains run to a reduced timetable.")
    assert poll_edited(client, blog, newest) == []

    entry.title = "Bin collections"
    actions.save_entry(entry=entry)
    assert poll_edited(client, blog, newest) == [entry.pk]


def poll_edited(client, blog, newest) -> list[int]:
    answer = client.get(f"{blog.url}updates/", {"after": newest.pk}).json()
    return [item["id"] for item in answer["edited"]]
