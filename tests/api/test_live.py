"""Live blogs, their entries and developing stories through the read API."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from broadsheet.articles.stories import Story
from broadsheet.live.models import Status
from tests import factories
from tests.live.conftest import make_blog, post

pytestmark = pytest.mark.django_db


@pytest.fixture
def weather(home):
    return factories.make_section(home, title="Weather", slug="weather")


def get(client, url):
    response = client.get(url)
    return response, response.json()


def test_live_blogs_are_listed_newest_first_and_by_status(client, weather):
    ended = make_blog(weather, title="Storm Edda", slug="storm-edda", status=Status.ENDED)
    running = make_blog(weather, title="Count night", slug="count-night")
    hidden = make_blog(weather, title="Staff briefing", slug="briefing")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")

    response, data = get(client, "/api/v1/liveblogs")
    assert [b["id"] for b in data["items"]] == [running.pk, ended.pk]
    assert data["items"][0]["status"] == "live"
    assert data["items"][0]["url"].endswith("/weather/count-night/")
    assert "liveblogs" in response["Surrogate-Key"].split()
    _, only_live = get(client, "/api/v1/liveblogs?status=live")
    assert [b["id"] for b in only_live["items"]] == [running.pk]
    _, first = get(client, "/api/v1/liveblogs?limit=1")
    _, second = get(client, f"/api/v1/liveblogs?limit=1&cursor={first['next']}")
    assert [b["id"] for b in [*first["items"], *second["items"]]] == [running.pk, ended.pk]
    assert second["next"] is None
    assert client.get(f"/api/v1/liveblogs/{hidden.pk}").status_code == 404


def test_a_live_blog_gives_its_pinned_entry_and_every_key_event(client, weather):
    blog = make_blog(weather, key_points="<ul><li>Bridges closed.</li></ul>")
    events = [
        post(blog, f"Gusts reach {60 + n} mph", minutes_ago=300 - n, key_event=True, title=f"E{n}")
        for n in range(30)
    ]
    pinned = post(blog, "Stay away from the sea front.", pinned=True, minutes_ago=1)
    response, data = get(client, f"/api/v1/liveblogs/{blog.pk}")
    assert response.status_code == 200
    assert f"liveblog-{blog.pk}" in response["Surrogate-Key"].split()
    assert data["pinned"]["id"] == pinned.pk
    assert "Stay away from the sea front." in data["pinned"]["body_html"]
    assert [e["id"] for e in data["key_events"]] == [e.pk for e in reversed(events)]
    assert data["key_events"][0]["url"].endswith(f"/entries/{events[-1].pk}/")
    assert "Bridges closed." in data["key_points_html"]
    assert data["entries_url"].endswith(f"/api/v1/liveblogs/{blog.pk}/entries")


def test_walking_the_entries_misses_and_repeats_nothing_while_new_ones_arrive(client, weather):
    blog = make_blog(weather)
    posted = [post(blog, f"Update {n}", minutes_ago=200 - n) for n in range(45)]
    deleted = posted[10]
    deleted.deleted_at = timezone.now()
    deleted.save()
    expected = [e.pk for e in reversed(posted) if e.pk != deleted.pk]

    seen, url = [], f"/api/v1/liveblogs/{blog.pk}/entries?limit=20"
    while url:
        response, data = get(client, url)
        assert response.status_code == 200
        seen += [e["id"] for e in data["items"]]
        post(blog, f"Arrived during the walk {len(seen)}")  # above every page already read
        url = data["next_url"]
    assert seen == expected
    assert data["items"][-1]["body_blocks"][0]["type"] == "paragraph"


def test_unknown_blogs_and_bad_cursors_are_refused_by_name(client, weather):
    blog = make_blog(weather)
    _, missing = get(client, "/api/v1/liveblogs/999999")
    assert missing["detail"].startswith("blog_id:")
    response, data = get(client, f"/api/v1/liveblogs/{blog.pk}/entries?cursor=nonsense")
    assert response.status_code == 400 and data["detail"].startswith("cursor:")


def test_a_story_gives_its_timeline_oldest_first(client, weather):
    story = Story.objects.create(title="Harbour pay talks", slug="pay-talks", explainer="Talks.")
    start = timezone.now() - timedelta(days=5)
    rounds = [
        factories.make_article(
            weather,
            title=f"Pay talks, round {n}",
            slug=f"round-{n}",
            story=story,
            story_note=f"Round {n}",
            published_at=start + timedelta(days=n),
        )
        for n in (1, 2)
    ]
    blog = make_blog(
        weather,
        title="Strike day, live",
        slug="strike-live",
        story=story,
        story_note="The strike, hour by hour",
        coverage_start=start + timedelta(days=3),
    )
    response, data = get(client, "/api/v1/stories/pay-talks")
    assert response.status_code == 200
    assert f"story-{story.pk}" in response["Surrogate-Key"].split()
    assert [(i["type"], i["id"], i["note"]) for i in data["timeline"]] == [
        ("article", rounds[0].pk, "Round 1"),
        ("article", rounds[1].pk, "Round 2"),
        ("liveblog", blog.pk, "The strike, hour by hour"),
    ]
    assert data["url"].endswith("/stories/pay-talks/")
    _, listed = get(client, "/api/v1/stories")
    assert [s["slug"] for s in listed["items"]] == ["pay-talks"]
    assert client.get("/api/v1/stories/no-such-story").status_code == 404
