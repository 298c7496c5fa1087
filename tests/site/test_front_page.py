"""The front page: lead and top stories (editors' choice, else latest), then each section."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from broadsheet.articles.models import TopStory
from broadsheet.articles.stories import Story
from tests import factories
from tests.site.conftest import START, card_titles, count_queries, publish, publish_many, soup

pytestmark = pytest.mark.django_db


def _lead(html):
    return html.select_one(".article-card--lead .article-card__headline").get_text(strip=True)


def _top(html):
    return card_titles(html.select_one(".front-top__more"))


def _section_block(html, slug):
    return card_titles(html.find("section", attrs={"aria-labelledby": f"section-{slug}-heading"}))


def _pin(home, *articles):
    home.top_stories = [TopStory(article=a, sort_order=i) for i, a in enumerate(articles)]
    home.save()


def test_without_editors_choice_the_latest_lead(client, newsroom):
    publish_many(newsroom["city"], 4)
    publish(newsroom["sport"], "Derby tonight", at=START + timedelta(days=1))
    html = soup(client, "/")
    assert _lead(html) == "Derby tonight"
    assert _top(html) == ["Story 003", "Story 002", "Story 001", "Story 000"]
    assert [h.get_text() for h in html.find_all("h1")] == ["Broadsheet"]  # the site name


def test_editors_choice_leads_in_their_order_and_latest_fills_the_rest(client, newsroom):
    old = publish_many(newsroom["city"], 8)
    _pin(newsroom["home"], old[1], old[0])
    html = soup(client, "/")
    assert _lead(html) == "Story 001"
    assert _top(html) == ["Story 000", "Story 007", "Story 006", "Story 005"]


def test_unpublished_choices_are_skipped(client, newsroom):
    stories = publish_many(newsroom["city"], 3)
    _pin(newsroom["home"], stories[0], stories[1])
    stories[0].unpublish()
    html = soup(client, "/")
    assert _lead(html) == "Story 001"
    assert "Story 000" not in card_titles(html)


def test_each_section_shows_its_latest_not_already_on_top(client, newsroom):
    publish_many(newsroom["city"], 9, prefix="City")
    publish_many(newsroom["sport"], 2, prefix="Sport", start=START - timedelta(days=5))
    html = soup(client, "/")
    assert _lead(html) == "City 008"
    assert _section_block(html, "city") == ["City 003", "City 002", "City 001", "City 000"]
    assert _section_block(html, "sport") == ["Sport 001", "Sport 000"]
    assert html.select_one("#section-city-heading a")["href"] == "/city/"


def test_sections_with_nothing_new_are_left_out(client, newsroom):
    publish_many(newsroom["city"], 7)
    html = soup(client, "/")
    assert html.find(id="section-sport-heading") is None
    assert _section_block(html, "city") == ["Story 001", "Story 000"]


def test_most_commented_slot_renders_nothing_until_comments_fill_it(client, newsroom):
    publish_many(newsroom["city"], 2)
    html = soup(client, "/")
    assert html.select_one(".front-most-commented") is None
    assert client.get("/").context["most_commented"] == []


def test_empty_front_page_says_so(client, home):
    assert soup(client, "/").select_one(".empty").get_text(strip=True) == "No articles yet."


def test_lead_picture_loads_at_once_and_later_ones_lazily(client, newsroom):
    photo = factories.make_photo("square")
    publish_many(newsroom["city"], 9, hero_image=photo)
    html = soup(client, "/")
    lead = html.select_one(".article-card--lead img")
    assert lead.get("loading") is None and lead["fetchpriority"] == "high"
    assert [s["type"] for s in html.select(".article-card--lead source")] == [
        "image/avif",
        "image/webp",
    ]
    section_images = html.select(".front-section img")
    assert section_images and all(img["loading"] == "lazy" for img in section_images)
    assert all(img["width"] and img["height"] and img["srcset"] for img in html.select("img"))


def test_front_page_query_count_does_not_grow_with_articles(client, newsroom):
    photo = factories.make_photo("crowd")
    publish_many(newsroom["city"], 6, hero_image=photo, authors=[newsroom["ada"]])
    publish_many(newsroom["sport"], 6, hero_image=photo, authors=[newsroom["bo"]])
    _pin(newsroom["home"], *publish_many(newsroom["city"], 2, prefix="Pinned"))
    few = count_queries(client, "/")
    publish_many(newsroom["city"], 40, prefix="More", hero_image=photo, authors=[newsroom["ada"]])
    publish_many(newsroom["sport"], 40, prefix="More", authors=[newsroom["ada"], newsroom["bo"]])
    assert count_queries(client, "/") == few


def test_editors_choose_top_stories_in_the_admin(client, newsroom):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.login(username="editor", password="pw")
    response = client.get(f"/admin/pages/{newsroom['home'].pk}/edit/")
    assert response.status_code == 200
    assert b"top_stories-TOTAL_FORMS" in response.content


def _package(html):
    return html.select_one(".front-package")


def test_a_developing_story_leads_as_a_package(client, newsroom):
    story = Story.objects.create(
        title="Harbour pay talks", slug="harbour-pay-talks", explainer="Dockers and owners talk."
    )
    rounds = [
        publish(
            newsroom["city"],
            f"Pay talks, round {n}",
            at=START + timedelta(days=n),
            story=story,
            story_note=f"Round {n}: what changed",
        )
        for n in (1, 2, 3, 4, 5)
    ]
    other = publish(newsroom["sport"], "Derby tonight", at=START + timedelta(days=9))
    assert _package(soup(client, "/")) is None  # until editors choose it

    home = newsroom["home"]
    home.lead_story = story
    home.save_revision().publish()
    front = client.get("/")
    assert f"story-{story.pk}" in front["Surrogate-Key"].split()
    html = soup(client, "/")
    package = _package(html)
    assert package.select_one(".front-package__kicker a")["href"] == "/stories/harbour-pay-talks/"
    assert _lead(html) == "Pay talks, round 5"  # the package's newest is the page's lead
    assert [a.get_text() for a in package.select(".front-package__items a")] == [
        "Round 4: what changed",
        "Round 3: what changed",
        "Round 2: what changed",
    ]
    assert "Dockers and owners talk." in package.get_text()
    # What the package shows is not shown again below it; the rest of the page goes on.
    top = card_titles(html.select_one(".front-top"))
    assert top[0] == other.title and not {r.title for r in rounds[1:]} & set(top)
    assert len(html.select(".article-card--lead")) == 1

    # A newer round: the package moves on (the publish purges the story's key).
    publish(newsroom["city"], "Pay talks, round 6", at=START + timedelta(days=10), story=story)
    assert _lead(soup(client, "/")) == "Pay talks, round 6"
