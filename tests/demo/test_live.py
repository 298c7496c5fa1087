"""The demo's developing story (the Sallow floods) and its live blog of the flood night: built
as editors build them, shown to readers, and built once however often the demo is built."""

import html

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.stories import Story
from broadsheet.demo import live_content
from broadsheet.demo.builder import build_demo
from broadsheet.live.models import LiveBlogPage, LiveEntry, Status

pytestmark = pytest.mark.django_db

STORY = live_content.STORY
BLOG = live_content.LIVE_BLOG


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_the_story_gathers_its_articles_in_order_and_readers_see_its_timeline(client):
    build_demo()
    story = Story.objects.get(slug=STORY.slug)
    articles = list(ArticlePage.objects.live().filter(story=story).order_by("published_at"))
    assert [a.slug for a in articles] == [slug for slug, _ in STORY.articles]
    assert len(articles) >= 3
    assert [a.story_note for a in articles] == [note for _, note in STORY.articles]
    assert all(a.story_note for a in articles)
    gaps = [
        later.published_at - earlier.published_at
        for earlier, later in zip(articles, articles[1:], strict=False)
    ]
    assert min(gaps).total_seconds() > 12 * 3600, "the story's articles are days apart"
    # The editor's latest revision holds the story too, so the next edit keeps it.
    assert articles[0].get_latest_revision_as_object().story_id == story.pk

    timeline = soup_of(client, story.get_absolute_url())
    assert STORY.explainer in timeline.select_one(".story__explainer").get_text()
    headlines = [a.get_text() for a in timeline.select(".story__item a")]
    blog = LiveBlogPage.objects.get(slug=BLOG.slug)
    assert headlines == [articles[0].title, blog.title, *(a.title for a in articles[1:])]
    notes = [p.get_text() for p in timeline.select(".story__note")]
    assert notes[0] == STORY.articles[0][1] and BLOG.story_note in notes

    first = soup_of(client, articles[0].url).select_one(".article__story")
    assert "Latest on this story" in first.get_text()
    assert f"part 1 of {len(articles)}" in first.get_text()
    assert articles[-1].title in [a.get_text() for a in first.select("li a")]
    last = soup_of(client, articles[-1].url).select_one(".article__story")
    assert f"part {len(articles)} of {len(articles)}" in last.get_text()
    assert "Latest on this story" not in last.get_text()


def test_the_live_blog_has_ended_with_key_events_a_pinned_and_a_corrected_entry(client):
    build_demo()
    blog = LiveBlogPage.objects.live().get(slug=BLOG.slug)
    assert blog.get_parent().slug == BLOG.section
    assert blog.status == Status.ENDED
    assert blog.coverage_start < blog.coverage_end < timezone.now()
    assert blog.first_published_at == blog.coverage_start
    assert [link.author.slug for link in blog.blog_authors.all()] == list(BLOG.authors)
    assert blog.story.slug == STORY.slug

    entries = LiveEntry.objects.visible().filter(blog=blog)
    assert 15 <= entries.count() <= 25
    times = list(entries.values_list("published_at", flat=True))
    assert all(blog.coverage_start <= t <= blog.coverage_end for t in times)
    assert (max(times) - min(times)).total_seconds() >= 3 * 3600
    assert not entries.filter(authors=None).exists()
    key_events = entries.filter(key_event=True)
    assert key_events.count() >= 4
    assert not key_events.filter(title="").exists()
    pinned = entries.get(pinned=True)
    corrected = entries.exclude(correction="").get()
    assert blog.coverage_start < corrected.edited_at < blog.coverage_end
    assert "Wharf Road between Chandler Street" in str(corrected.body)

    page = soup_of(client, blog.url)
    assert "Ended" in page.select_one(".live-blog__status").get_text()
    assert page.select(".live-blog__key-points li")
    listed = [a.get_text() for a in page.select(".live-blog__key-events a")]
    for event in key_events:
        assert any(event.title in text for text in listed), event.title
    assert page.select_one(".live-blog__pinned .live-entry__title").get_text() == pinned.title
    note = page.select_one(f"#entry-{corrected.pk} .live-entry__correction").get_text()
    assert html.unescape(corrected.correction) in note
    assert page.select_one(".live-blog__byline").get_text().count(",") == len(BLOG.authors) - 1
    # Ended: nothing polls, and the page names no poll address.
    assert page.select_one("[data-poll-url]") is None
    assert not [s for s in page.select("script[src]") if "live.js" in s["src"]]


def test_building_again_adds_no_story_blog_or_entry(client):
    first = build_demo()
    assert first.live_entries == len(BLOG.entries)
    counts = (Story.objects.count(), LiveBlogPage.objects.count(), LiveEntry.objects.count())
    revisions = [a.latest_revision_id for a in ArticlePage.objects.filter(story__isnull=False)]

    again = build_demo()

    assert again.live_entries == 0
    assert (Story.objects.count(), LiveBlogPage.objects.count(), LiveEntry.objects.count()) == (
        counts
    )
    assert revisions == [
        a.latest_revision_id for a in ArticlePage.objects.filter(story__isnull=False)
    ]
    assert client.get(LiveBlogPage.objects.get(slug=BLOG.slug).url).status_code == 200


def test_a_demo_built_before_the_story_existed_gets_it(client):
    build_demo()
    # As a demo database made before the story: the articles in no story.
    ArticlePage.objects.update(story=None, story_note="")

    build_demo()

    story = Story.objects.get(slug=STORY.slug)
    joined = ArticlePage.objects.live().filter(story=story).order_by("published_at")
    assert [a.slug for a in joined] == [slug for slug, _ in STORY.articles]
    assert joined.first().get_latest_revision_as_object().story_id == story.pk
    assert "Latest on this story" in client.get(joined.first().url).content.decode()
