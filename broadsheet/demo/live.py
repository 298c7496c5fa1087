"""The demo's developing story and live blog (text in :mod:`broadsheet.demo.live_content`).

Built as an editor would build them: the blog page published through a revision, its
entries posted and corrected through ``broadsheet.live.actions``, with times in the past.
Safe to run again: the story is found by slug, the blog by its slug in its section, and a
blog that already has entries gets no more.
"""

from datetime import datetime, timedelta

from django.db import transaction

from broadsheet.articles.models import ArticlePage, Author, SectionPage
from broadsheet.articles.stories import Story
from broadsheet.demo.live_content import DemoEntry, DemoLiveBlog, DemoStory
from broadsheet.demo.pictures import ensure_photo
from broadsheet.live import actions
from broadsheet.live.models import LiveBlogAuthor, LiveBlogPage, LiveEntry, Status


def ensure_story(item: DemoStory) -> Story:
    story, _ = Story.objects.get_or_create(
        slug=item.slug, defaults={"title": item.title, "explainer": item.explainer}
    )
    return story


def join_story(story: Story, item: DemoStory) -> int:
    """Put the story's articles in it where an earlier build left them out (a demo database
    made before the story existed). Each is republished, as the editor's change would be."""
    joined = 0
    for slug, note in item.articles:
        article = ArticlePage.objects.filter(slug=slug, live=True).first()
        if article is None or article.story_id == story.pk:
            continue
        article.story, article.story_note = story, note
        article.save_revision(log_action=False).publish(log_action=False)
        joined += 1
    return joined


@transaction.atomic
def build_demo_live_blog(
    item: DemoLiveBlog,
    *,
    sections: dict[str, SectionPage],
    authors: dict[str, Author],
    story: Story | None,
    now: datetime,
) -> int:
    """Create the blog if it is missing and post its entries. Returns how many were posted."""
    section = sections[item.section]
    blog = LiveBlogPage.objects.child_of(section).filter(slug=item.slug).first()
    if blog is None:
        blog = _create_blog(item, section, authors, story=story, now=now)
    if blog.entries.exists():
        return 0
    start = now - timedelta(days=item.days_ago)
    for entry in item.entries:
        _post(blog, entry, authors, at=start + timedelta(minutes=entry.minutes), now=now)
    return len(item.entries)


def _create_blog(
    item: DemoLiveBlog,
    section: SectionPage,
    authors: dict[str, Author],
    *,
    story: Story | None,
    now: datetime,
) -> LiveBlogPage:
    start = now - timedelta(days=item.days_ago)
    blog = LiveBlogPage(
        title=item.headline,
        slug=item.slug,
        standfirst=item.standfirst,
        status=Status.ENDED,
        coverage_start=start,
        coverage_end=start + timedelta(minutes=item.minutes),
        key_points=item.key_points,
        hero_image=ensure_photo(
            item.slug,
            title=f"Demo: {item.headline}"[:255],
            alt=f"Illustration for “{item.headline}”"[:255],
            caption=item.hero_caption,
        ),
        story=story,
        story_note=item.story_note if story else "",
        first_published_at=start,
        live=False,
    )
    blog.blog_authors = [
        LiveBlogAuthor(author=authors[slug], sort_order=i) for i, slug in enumerate(item.authors)
    ]
    section.add_child(instance=blog)
    blog.save_revision(log_action=False).publish(log_action=False)
    return blog


def _post(
    blog: LiveBlogPage,
    item: DemoEntry,
    authors: dict[str, Author],
    *,
    at: datetime,
    now: datetime,
) -> LiveEntry:
    entry = actions.post_entry(
        blog_id=blog.pk,
        body=_blocks(item.body),
        title=item.title,
        authors=[authors[slug] for slug in item.authors],
        key_event=item.key_event,
        pinned=item.pinned,
        at=at,
    )
    if item.correction:
        entry.body = _blocks(item.corrected_body)
        entry.correction = item.correction
        actions.save_entry(entry=entry)
        # The action stamps the edit "now"; in the demo it happened during the coverage.
        edited = min(at + timedelta(minutes=item.correction_minutes), now)
        LiveEntry.objects.filter(pk=entry.pk).update(edited_at=edited)
    return entry


def _blocks(body: tuple[tuple[str, object], ...]) -> list[dict]:
    return [{"type": kind, "value": value} for kind, value in body]
