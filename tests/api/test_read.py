"""The read API through the test client: lists, cursors, fields, bodies, NINJS, keys."""

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.api import cursors
from broadsheet.articles.stories import Story
from broadsheet.caching import keys
from broadsheet.core.pagination import Cursor
from tests import factories


@pytest.fixture
def desk(section, author):
    start = timezone.now() - timedelta(days=10)
    made = [
        factories.make_article(
            section,
            title=f"Tram line extension, part {n}",
            slug=f"tram-{n}",
            authors=[author],
            tags=["Transport"],
            published_at=start + timedelta(hours=n),
        )
        for n in range(5)
    ]
    return made


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.json() if "json" in response["Content-Type"] else None


@pytest.mark.django_db
def test_list_is_newest_first_and_names_what_it_shows(client, desk):
    response, data = get(client, "/api/v1/articles")
    assert response.status_code == 200
    assert [a["id"] for a in data["items"]] == [a.pk for a in reversed(desk)]
    assert data["next"] is None
    shown = keys.parse(response[keys.HEADER])
    assert {"articles", "site", *(f"page-{a.pk}" for a in desk)} <= shown
    assert "public" in response["Cache-Control"] and response["ETag"]
    again = client.get("/api/v1/articles", headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.django_db
def test_cursor_walk_misses_and_repeats_nothing_while_articles_are_published(client, section, desk):
    seen = []
    url = "/api/v1/articles?limit=2&fields=id"
    response, data = get(client, url)
    seen += [a["id"] for a in data["items"]]
    factories.make_article(section, title="Depot opens early", slug="depot")
    while data["next"]:
        response, data = get(client, data["next_url"])
        seen += [a["id"] for a in data["items"]]
        factories.make_article(section, title=f"Late news {len(seen)}", slug=f"late-{len(seen)}")
    assert seen == [a.pk for a in reversed(desk)]


@pytest.mark.django_db
def test_page_size_is_capped_and_bad_cursors_name_the_parameter(client, desk):
    response, data = get(client, "/api/v1/articles?limit=101")
    assert response.status_code == 400 and data["field"] == "limit"
    response, data = get(client, "/api/v1/articles?cursor=not-ours")
    assert response.status_code == 400 and data["field"] == "cursor"
    response, data = get(client, "/api/v1/articles?fields=id,colour")
    assert response.status_code == 400 and data["field"] == "fields"


@pytest.mark.django_db
def test_fields_choose_what_comes_back(client, desk):
    _, data = get(client, "/api/v1/articles?fields=title")
    assert set(data["items"][0]) == {"id", "title"}


@pytest.mark.django_db
def test_filters_by_section_tag_author_and_dates(client, home, desk, author):
    other = factories.make_section(home, title="Sport", slug="sport")
    factories.make_article(other, title="Rowing club wins the cup", slug="rowing")
    _, data = get(client, "/api/v1/articles?section=sport&fields=title")
    assert [a["title"] for a in data["items"]] == ["Rowing club wins the cup"]
    response, data = get(client, "/api/v1/articles?tag=transport&fields=id")
    assert len(data["items"]) == 5 and "topic-transport" in response[keys.HEADER]
    _, data = get(client, f"/api/v1/articles?author={author.slug}&fields=id")
    assert len(data["items"]) == 5
    since = desk[3].published_at.isoformat().replace("+00:00", "Z")
    _, data = get(client, f"/api/v1/articles?fields=id&section=city&published_since={since}")
    assert [a["id"] for a in data["items"]] == [desk[4].pk, desk[3].pk]
    _, data = get(client, "/api/v1/articles?language=en&fields=id")
    assert len(data["items"]) == 6


@pytest.mark.django_db
def test_filters_by_story_slug_and_names_the_story(client, section, desk):
    story = Story.objects.create(title="Tram line", slug="tram-line", explainer="The extension.")
    told = factories.make_article(section, title="Tram depot chosen", slug="depot", story=story)
    response, data = get(client, "/api/v1/articles?story=tram-line&fields=title,story")
    assert [a["title"] for a in data["items"]] == [told.title]
    assert data["items"][0]["story"] == {"id": story.pk, "title": "Tram line", "slug": "tram-line"}
    assert f"story-{story.pk}" in keys.parse(response[keys.HEADER])
    response, data = get(client, "/api/v1/articles?story=no-such-story")
    assert response.status_code == 404


@pytest.mark.django_db
def test_one_article_by_id_and_by_path_with_html_and_blocks(client, section, author):
    linked = factories.make_article(section, title="Ferry timetable changes", slug="ferry")
    article = factories.make_article(
        section,
        title="Harbour wall repaired",
        slug="harbour-wall",
        authors=[author],
        body=[
            *factories.paragraphs("Masons worked through <b>three</b> tides."),
            ("subheading", "What comes next"),
            ("related", {"article": linked, "label": "See also"}),
        ],
    )
    response, data = get(client, f"/api/v1/articles/{article.pk}")
    assert response.status_code == 200
    assert data["title"] == "Harbour wall repaired"
    assert "<b>three</b>" in data["body_html"]
    assert [b["type"] for b in data["body_blocks"]] == ["paragraph", "subheading", "related"]
    assert data["body_blocks"][2]["article"]["id"] == linked.pk
    assert data["authors"][0]["name"] == author.name
    assert {f"page-{article.pk}", f"page-{linked.pk}"} <= keys.parse(response[keys.HEADER])
    _, by_path = get(client, "/api/v1/articles/by-path?path=/city/harbour-wall/")
    assert by_path == data


@pytest.mark.django_db
def test_drafts_and_missing_articles_are_404(client, section):
    draft = factories.make_article(section, title="Not yet", slug="not-yet", publish=False)
    assert client.get(f"/api/v1/articles/{draft.pk}").status_code == 404
    assert client.get("/api/v1/articles/by-path?path=/city/nowhere/").status_code == 404


@pytest.mark.django_db
def test_article_as_ninjs(client, section, author):
    article = factories.make_article(section, title="Bridge tolls lifted", authors=[author])
    for response in (
        client.get(f"/api/v1/articles/{article.pk}?format=ninjs"),
        client.get(f"/api/v1/articles/{article.pk}", headers={"Accept": "application/ninjs+json"}),
    ):
        assert response["Content-Type"] == "application/ninjs+json"
        document = response.json()
        assert document["standard"]["name"] == "ninjs"
        assert document["standard"]["version"].startswith("2.")
        assert document["headlines"][0]["value"] == "Bridge tolls lifted"
        assert document["by"] == author.name
        assert document["bodies"][0]["contenttype"] == "text/html"
        assert document["type"] == "text" and document["uri"].startswith("http://testserver/")


@pytest.mark.django_db
def test_sections_authors_tags_and_site(client, desk, author):
    _, data = get(client, "/api/v1/sections")
    assert [s["slug"] for s in data["items"]] == ["city"]
    _, data = get(client, "/api/v1/authors")
    assert data["items"][0]["name"] == author.name
    response, data = get(client, "/api/v1/tags")
    assert [t["slug"] for t in data["items"]] == ["transport"]
    _, data = get(client, "/api/v1/site")
    assert data["max_page_size"] == 100 and data["openapi"].endswith("/api/v1/openapi.json")


@pytest.mark.django_db
def test_search_finds_headline_matches(client, desk):
    response, data = get(client, "/api/v1/search?q=tram&limit=2&fields=title")
    assert data["total"] == 5 and len(data["items"]) == 2 and data["next"]
    _, more = get(client, data["next_url"])
    assert not {a["id"] for a in more["items"]} & {a["id"] for a in data["items"]}
    assert "articles" in response[keys.HEADER]


@pytest.mark.django_db
def test_numbers_no_database_key_can_hold_are_refused_or_match_nothing(client, desk):
    huge = "9" * 20
    response, data = get(client, f"/api/v1/articles/{huge}")
    assert response.status_code == 422 and data["field"] == "article_id"
    response, data = get(client, f"/api/v1/articles?section={huge}")
    assert response.status_code == 404
    response, data = get(client, f"/api/v1/articles?author={huge}")
    assert response.status_code == 200 and data["items"] == []
    response, data = get(client, "/api/v1/articles?author=²")  # a digit, but not ASCII
    assert response.status_code == 200 and data["items"] == []
    response, data = get(client, f"/api/v1/tags?cursor={cursors.encode(2**63)}")
    assert response.status_code == 400 and data["field"] == "cursor"
    past_keys = cursors.encode(Cursor(timezone.now(), 2**63))
    response, data = get(client, f"/api/v1/articles?cursor={past_keys}")
    assert response.status_code == 400 and data["field"] == "cursor"
    response, data = get(client, f"/api/v1/search?q=tram&cursor={cursors.encode(10_000)}")
    assert response.status_code == 400 and data["field"] == "cursor"


@pytest.mark.django_db
def test_answers_a_shared_cache_may_keep_say_what_they_vary_on(client, desk):
    article = desk[0]
    for accept in ["application/json", "application/ninjs+json"]:
        response = client.get(f"/api/v1/articles/{article.pk}", headers={"Accept": accept})
        assert "Accept" in response["Vary"], accept
        assert "public" in response["Cache-Control"]
    by_path = client.get("/api/v1/articles/by-path", {"path": article.url})
    assert by_path.status_code == 200 and "Accept" in by_path["Vary"]
    # Anonymous answers are the same for every client, a browser on another site included.
    listed = client.get("/api/v1/articles")
    assert listed["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in listed["Access-Control-Expose-Headers"]
