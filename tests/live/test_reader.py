"""What readers get from a live blog, without JavaScript: newest first, the pinned entry and
the key events on top, permalinks, and older entries by cursor."""

import pytest

from broadsheet.live import actions
from broadsheet.live.selectors import ENTRIES_PER_PAGE
from tests.live.conftest import post

pytestmark = pytest.mark.django_db


def entry_ids(response) -> list[int]:
    html = response.content.decode()
    ids, start = [], 0
    marker = 'data-entry-id="'
    while (at := html.find(marker, start)) != -1:
        end = html.index('"', at + len(marker))
        ids.append(int(html[at + len(marker) : end]))
        start = end
    return ids


def test_entries_show_newest_first(client, blog):
    first = post(blog, "Wind warnings go up along the north shore.", minutes_ago=30)
    second = post(blog, "The harbour master closes the outer moorings.", minutes_ago=10)

    response = client.get(blog.url)

    assert response.status_code == 200
    assert entry_ids(response) == [second.pk, first.pk]
    assert "Wind warnings go up" in response.content.decode()


def test_the_pinned_entry_and_key_events_come_first(client, blog):
    pinned = post(blog, "Where to find sandbags tonight.", minutes_ago=50, pinned=True)
    event = post(blog, "Estuary bridge shut.", minutes_ago=40, key_event=True, title="Bridge shut")
    latest = post(blog, "Rain eases briefly in the west.")

    html = client.get(blog.url).content.decode()

    assert html.index("Key events") < html.index("data-pinned") < html.index("data-entries")
    assert html.index(f'data-entry-id="{pinned.pk}"') < html.index(f'data-entry-id="{latest.pk}"')
    assert f'{blog.url}entries/{event.pk}/#entry-{event.pk}">' in html


def test_pinning_an_entry_unpins_the_last_one(blog):
    first = post(blog, "Shelter opens at the school.", pinned=True)
    second = post(blog, "A second shelter opens at the library.", pinned=True)

    first.refresh_from_db()
    assert not first.pinned and second.pinned


def test_older_entries_follow_a_cursor_that_never_shifts(client, blog):
    entries = [post(blog, f"Update number {n}.", minutes_ago=100 - n) for n in range(25)]
    newest_first = [e.pk for e in reversed(entries)]

    head = client.get(blog.url)
    assert entry_ids(head) == newest_first[:ENTRIES_PER_PAGE]
    cursor = newest_first[ENTRIES_PER_PAGE - 1]
    assert f"?before={cursor}" in head.content.decode()

    post(blog, "A newer update arrives.")
    older = client.get(f"{blog.url}?before={cursor}")

    assert entry_ids(older) == newest_first[ENTRIES_PER_PAGE:]
    assert "Back to the latest updates" in older.content.decode()


def test_the_key_events_list_links_to_events_on_any_page(client, blog):
    old = post(blog, "Power cut in the old town.", minutes_ago=500, key_event=True, title="Power")
    for n in range(ENTRIES_PER_PAGE + 5):
        post(blog, f"Another short update {n}.", minutes_ago=400 - n)

    head = client.get(blog.url).content.decode()
    assert f"entries/{old.pk}/" in head
    assert f'data-entry-id="{old.pk}"' not in head

    permalink = client.get(f"{blog.url}entries/{old.pk}/")
    assert permalink.status_code == 200
    assert entry_ids(permalink)[0] == old.pk


def test_malformed_or_unknown_cursors_are_not_found(client, blog):
    post(blog, "Gusts of ninety kilometres an hour.")
    assert client.get(f"{blog.url}?before=abc").status_code == 404
    assert client.get(f"{blog.url}?before=999999").status_code == 404
    assert client.get(f"{blog.url}entries/999999/").status_code == 404


def test_deleted_and_scheduled_entries_are_not_shown(client, blog):
    gone = post(blog, "A report we could not confirm.")
    actions.delete_entry(entry=gone)
    later = actions.post_entry(
        blog_id=blog.pk,
        body=[],
        title="Later",
        at=gone.published_at.replace(year=gone.published_at.year + 1),
    )

    response = client.get(blog.url)
    assert entry_ids(response) == []
    assert client.get(f"{blog.url}entries/{gone.pk}/").status_code == 404
    assert client.get(f"{blog.url}entries/{later.pk}/").status_code == 404


def test_a_scheduled_entry_goes_live_when_its_time_comes(client, blog):
    entry = post(blog, "Forecast update due at noon.")
    entry.published_at = entry.published_at.replace(year=entry.published_at.year + 1)
    actions.save_entry(entry=entry)
    assert entry_ids(client.get(blog.url)) == []

    assert actions.publish_due_entries(now=entry.published_at) == 1
    assert entry_ids(client.get(blog.url)) == [entry.pk]
