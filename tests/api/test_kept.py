"""Article answers kept in the shared fragment store: a warm request is the generations' one
query, and no publish, edit, unpublish, story or comment change is ever answered from an old
answer; previews and signed-in readers are always built; with Redis unreachable every answer
is built from the database."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from broadsheet.articles.stories import Story
from broadsheet.caching import fragments, keys, resilient
from broadsheet.comments.actions import approve_comment
from broadsheet.comments.models import Comment, CommentState
from tests import factories
from tests.api.test_keys import bearer, make_key
from tests.caching.test_redis_outage import redis_caches

pytestmark = pytest.mark.django_db

NINJS = {"Accept": "application/ninjs+json"}


def queries(client, url: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    assert response.status_code == 200, response.content
    return len(captured), response


def titles(client, url: str = "/api/v1/articles?fields=title") -> list[str]:
    return [item["title"] for item in client.get(url).json()["items"]]


def test_a_kept_list_costs_only_the_generations_and_says_what_a_built_one_says(
    client, section, author
):
    for n in range(3):
        factories.make_article(section, title=f"Pier {n}", slug=f"pier-{n}", authors=[author])
    url = "/api/v1/articles?limit=2"
    built_queries, built = queries(client, url)
    kept_queries, kept = queries(client, url)
    assert kept_queries == 1 < built_queries  # the generations, read before anything
    assert kept.content == built.content and kept["ETag"] == built["ETag"]
    assert keys.parse(kept[keys.HEADER]) == keys.parse(built[keys.HEADER])
    assert kept["Content-Type"] == built["Content-Type"] == "application/json; charset=utf-8"
    assert client.get(kept.json()["next_url"]).json()["items"][0]["title"] == "Pier 0"


def test_a_publication_shows_in_the_next_answer(client, section):
    factories.make_article(section, title="Tide tables printed", slug="tides")
    assert titles(client) == ["Tide tables printed"]
    assert titles(client) == ["Tide tables printed"]  # kept
    factories.make_article(section, title="Lifeboat launched", slug="lifeboat")
    assert titles(client) == ["Lifeboat launched", "Tide tables printed"]


def test_an_edit_shows_in_lists_the_article_by_id_by_path_and_as_ninjs(client, section):
    article = factories.make_article(section, title="Ferry fares frozen", slug="fares")
    urls = [f"/api/v1/articles/{article.pk}", "/api/v1/articles/by-path?path=/city/fares/"]
    for _ in range(2):  # built, then kept
        assert titles(client) == ["Ferry fares frozen"]
        assert {client.get(url).json()["title"] for url in urls} == {"Ferry fares frozen"}
        assert client.get(urls[0], headers=NINJS).json()["headlines"][0]["value"] == (
            "Ferry fares frozen"
        )
    article.title = "Ferry fares frozen until spring"
    article.save_revision().publish()
    assert titles(client) == ["Ferry fares frozen until spring"]
    assert {client.get(url).json()["title"] for url in urls} == {"Ferry fares frozen until spring"}
    document = client.get(urls[0], headers=NINJS).json()
    assert document["headlines"][0]["value"] == "Ferry fares frozen until spring"


def test_json_and_ninjs_are_kept_apart_by_accept(client, section):
    article = factories.make_article(section, title="Quay lights fixed", slug="lights")
    url = f"/api/v1/articles/{article.pk}"
    for _ in range(2):
        plain = client.get(url)
        ninjs = client.get(url, headers=NINJS)
        assert plain["Content-Type"].startswith("application/json") and "title" in plain.json()
        assert ninjs["Content-Type"] == "application/ninjs+json" and "headlines" in ninjs.json()
        assert "Accept" in plain["Vary"] and "Accept" in ninjs["Vary"]


def test_an_unpublished_article_leaves_every_answer_at_once(client, section):
    kept = factories.make_article(section, title="Market moves indoors", slug="market")
    gone = factories.make_article(section, title="Road closed for the race", slug="race")
    url = f"/api/v1/articles/{gone.pk}"
    for _ in range(2):
        assert client.get(url).status_code == 200
        assert titles(client) == ["Road closed for the race", "Market moves indoors"]
    gone.unpublish()
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/articles/by-path?path=/city/race/").status_code == 404
    assert titles(client) == [kept.title]


def test_a_renamed_story_shows_on_its_articles_at_once(client, section):
    story = Story.objects.create(title="Pay talks", slug="pay-talks", explainer="Talks.")
    factories.make_article(section, title="Talks resume", slug="resume", story=story)
    url = "/api/v1/articles?fields=story"
    for _ in range(2):
        assert client.get(url).json()["items"][0]["story"]["title"] == "Pay talks"
    story.title = "Harbour pay talks"
    story.save()
    assert client.get(url).json()["items"][0]["story"]["title"] == "Harbour pay talks"


def test_an_approved_comment_shows_in_the_comment_list_at_once(client, section):
    article = factories.make_article(section, title="Pool reopens", slug="pool")
    url = f"/api/v1/articles/{article.pk}/comments"
    for _ in range(2):
        assert client.get(url).json()["items"] == []
        assert client.get(f"/api/v1/articles/{article.pk}").status_code == 200
    comment = Comment.objects.create(
        article=article, name="Nell", email="nell@example.org", text="At last.",
        state=CommentState.PENDING,
    )  # fmt: skip
    approve_comment(comment=comment, actor=None)
    assert [c["name"] for c in client.get(url).json()["items"]] == ["Nell"]


def test_a_preview_is_never_answered_from_a_kept_answer_nor_kept(client, section):
    article = factories.make_article(section, title="Council vote tonight", slug="vote")
    article.title = "Council vote postponed"
    article.save_revision()
    editor = User.objects.create_user("editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    _, secret = make_key(user=editor)
    public = f"/api/v1/articles/{article.pk}?fields=title"
    for _ in range(2):
        assert client.get(public).json()["title"] == "Council vote tonight"
    preview = client.get(f"{public}&preview=true", headers=bearer(secret))
    assert preview.json()["title"] == "Council vote postponed"
    assert client.get(public, headers=bearer(secret)).json()["title"] == "Council vote tonight"
    assert client.get(f"{public}&preview=true").status_code == 403  # no key: refused
    assert client.get(public).json()["title"] == "Council vote tonight"


def test_signed_in_readers_and_errors_are_always_built(client, home, section, django_user_model):
    factories.make_article(section, title="Band plays the pier", slug="band")
    url = "/api/v1/articles?fields=title"
    client.get(url)
    client.force_login(django_user_model.objects.create_user("reader"))
    assert queries(client, url)[0] > 1
    client.logout()
    for _ in range(2):
        assert client.get("/api/v1/articles?limit=0").status_code == 400
        assert client.get("/api/v1/articles?section=sport").status_code == 404
    factories.make_section(home, title="Sport", slug="sport")
    assert client.get("/api/v1/articles?section=sport").status_code == 200


@pytest.fixture
def redis_down():
    resilient.forget_outages()
    with override_settings(CACHES=redis_caches("redis://127.0.0.1:1/0", "broadsheet")):
        yield
    resilient.forget_outages()


def test_with_redis_unreachable_answers_are_built_from_the_database(client, section, redis_down):
    article = factories.make_article(section, title="Storm warning lifted", slug="storm")
    for _ in range(2):
        fragments.clear_nearby()  # a process that has kept nothing yet
        assert titles(client) == ["Storm warning lifted"]
        assert client.get(f"/api/v1/articles/{article.pk}").json()["title"] == article.title
    factories.make_article(section, title="Harbour open again", slug="open")
    assert titles(client) == ["Harbour open again", "Storm warning lifted"]
