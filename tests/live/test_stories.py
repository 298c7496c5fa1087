"""Developing stories: the timeline, "Latest on this story" on its articles, and the purges
that keep both current when an article joins the story or a newer one is published."""

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.articles.stories import Story
from tests import factories
from tests.live.conftest import make_blog

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(db, committing):
    with committing():
        return Story.objects.create(
            title="The ferry pay talks",
            slug="ferry-pay-talks",
            explainer="Crews and the operator negotiate a new pay deal, round by round.",
        )


def round_article(section, story, n: int, *, days_ago: int, **fields):
    return factories.make_article(
        section,
        title=f"Ferry pay talks, round {n}",
        slug=f"pay-talks-round-{n}",
        story=story,
        story_note=f"Round {n}: {fields.pop('note', 'talks resume')}.",
        published_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def test_the_story_page_shows_its_timeline_oldest_first(client, section, story):
    first = round_article(section, story, 1, days_ago=9, note="the union tables its claim")
    third = round_article(section, story, 3, days_ago=1, note="a deal in principle")
    second = round_article(section, story, 2, days_ago=5, note="the operator's offer")
    factories.make_article(section, title="Unrelated bridge works", slug="bridge-works")

    response = client.get("/stories/ferry-pay-talks/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "round by round" in html
    positions = [html.index(a.title) for a in (first, second, third)]
    assert positions == sorted(positions)
    assert "Round 2: the operator&#x27;s offer." in html
    assert "Unrelated bridge works" not in html
    assert {f"story-{story.pk}", f"page-{first.pk}"} <= set(response["Surrogate-Key"].split())


def test_a_live_blog_joins_the_timeline(client, section, story):
    round_article(section, story, 1, days_ago=3)
    blog = make_blog(section, title="Strike day on the crossings", slug="strike-day", story=story)

    html = client.get("/stories/ferry-pay-talks/").content.decode()

    assert "Strike day on the crossings" in html and blog.url in html


def test_an_unknown_or_empty_story_is_not_found(client, section, story):
    assert client.get("/stories/no-such-story/").status_code == 404
    assert client.get("/stories/ferry-pay-talks/").status_code == 404


def test_round_one_shows_the_latest_on_this_story(client, section, story):
    first = round_article(section, story, 1, days_ago=9)
    round_article(section, story, 2, days_ago=5)
    third = round_article(section, story, 3, days_ago=1, note="a deal in principle")

    response = client.get(first.url)
    html = response.content.decode()

    assert "Latest on this story" in html
    assert "part 1 of 3 in this developing story" in html
    assert html.index(third.title) < html.index("Ferry pay talks, round 2</a>")
    assert "Round 3: a deal in principle." in html
    assert f"story-{story.pk}" in response["Surrogate-Key"].split()

    newest = client.get(third.url).content.decode()
    assert "part 3 of 3" in newest and "Latest on this story" not in newest


def test_adding_an_article_to_a_story_purges_the_story(cache, section, story, committing):
    with committing():
        article = factories.make_article(section, title="Crews vote on action", slug="vote")
    cache.clear()
    article.story = story
    with committing():
        article.save_revision().publish()

    assert f"story-{story.pk}" in cache.keys()


def test_publishing_a_newer_article_purges_the_older_ones(cache, section, story, committing):
    with committing():
        round_article(section, story, 1, days_ago=4)
    cache.clear()
    with committing():
        round_article(section, story, 2, days_ago=0)

    assert f"story-{story.pk}" in cache.keys()


def test_leaving_a_story_purges_it(cache, section, story, committing):
    with committing():
        article = round_article(section, story, 1, days_ago=2)
    cache.clear()
    article.story = None
    with committing():
        article.save_revision().publish()

    assert f"story-{story.pk}" in cache.keys()


def test_renaming_a_story_purges_its_pages(cache, story, committing):
    story.title = "The ferry pay dispute"
    with committing():
        story.save()

    assert cache.key_batches() == [{f"story-{story.pk}"}]


def test_the_story_has_a_feed_of_its_items_newest_first(client, section, story):
    round_article(section, story, 1, days_ago=6)
    round_article(section, story, 2, days_ago=2, note="a second offer")

    response = client.get("/stories/ferry-pay-talks/feed/json/")

    assert response.status_code == 200
    assert f"story-{story.pk}" in response["Surrogate-Key"].split()
    items = response.json()["items"]
    assert [item["title"] for item in items] == [
        "Ferry pay talks, round 2",
        "Ferry pay talks, round 1",
    ]
    assert items[0]["summary"] == "Round 2: a second offer."
    assert client.get("/stories/ferry-pay-talks/feed/rss/").status_code == 200
    assert client.get("/stories/ferry-pay-talks/feed/xml/").status_code == 404
