"""Build the demo newsroom from :mod:`broadsheet.demo.content`.

Safe to run again: it finds what exists by slug and adds only what is missing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from broadsheet.articles.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    Correction,
    HomePage,
    SectionPage,
)
from broadsheet.articles.stories import Story
from broadsheet.core.models import SiteSettings
from broadsheet.demo import content, live, live_content
from broadsheet.demo.comments import build_demo_comments
from broadsheet.demo.newsletters import build_demo_newsletters
from broadsheet.demo.pictures import ensure_photo

SITE_NAME = "The Harbour Courier"


@dataclass
class BuildReport:
    created_articles: int = 0
    existing_articles: int = 0
    scheduled: int = 0
    live_entries: int = 0
    newsletters: int = 0


@transaction.atomic
def build_demo(*, now: datetime | None = None) -> BuildReport:
    """Create the demo home page, sections, authors, articles, the developing story, the
    live blog and the newsletters that do not exist yet."""
    now = now or timezone.now()
    home = ensure_home_page()
    sections = {s.slug: ensure_section(home, s) for s in content.SECTIONS}
    authors = {a.slug: ensure_author(a) for a in content.AUTHORS}
    report = BuildReport()
    story = live.ensure_story(live_content.STORY)
    notes = dict(live_content.STORY.articles)
    # Oldest first, so every "related" link points at an article that already exists.
    for item in sorted(content.ARTICLES, key=lambda a: -a.days_ago):
        section = sections[item.section]
        if ArticlePage.objects.child_of(section).filter(slug=item.slug).exists():
            report.existing_articles += 1
            continue
        placed = (story, notes[item.slug]) if item.slug in notes else (None, "")
        create_article(section, item, authors, now=now, story=placed)
        report.created_articles += 1
        report.scheduled += item.days_ago < 0
    live.join_story(story, live_content.STORY)
    report.live_entries = live.build_demo_live_blog(
        live_content.LIVE_BLOG, sections=sections, authors=authors, story=story, now=now
    )
    build_demo_comments()
    report.newsletters = build_demo_newsletters(story=story, now=now)
    return report


def ensure_home_page() -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title=SITE_NAME, slug="front-page"))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    old_root = site.root_page
    site.root_page, site.site_name = home, SITE_NAME
    site.save()
    if old_root.specific_class is Page and old_root.pk != home.pk and old_root.is_leaf():
        old_root.delete()  # Wagtail's placeholder "Welcome" page
    SiteSettings.objects.update_or_create(
        site=site, defaults={"site_name": SITE_NAME, "date_format": "d.m.Y"}
    )
    return home


def ensure_section(home: HomePage, item: content.DemoSection) -> SectionPage:
    existing = SectionPage.objects.child_of(home).filter(slug=item.slug).first()
    if existing is not None:
        return existing
    return home.add_child(instance=SectionPage(title=item.title, slug=item.slug, intro=item.intro))


def ensure_author(item: content.DemoAuthor) -> Author:
    author, _ = Author.objects.get_or_create(
        slug=item.slug, defaults={"name": item.name, "role": item.role, "bio": item.bio}
    )
    return author


def create_article(
    section: SectionPage,
    item: content.DemoArticle,
    authors: dict[str, Author],
    *,
    now: datetime,
    story: tuple[Story | None, str] = (None, ""),
) -> ArticlePage:
    published_at = now - timedelta(days=item.days_ago)
    hero = ensure_photo(
        item.slug,
        title=f"Demo: {item.headline}"[:255],
        alt=f"Illustration for “{item.headline}”"[:255],
        caption=item.hero_caption,
    )
    article = ArticlePage(
        title=item.headline,
        slug=item.slug,
        standfirst=item.standfirst,
        hero_image=hero,
        body=_stream(item),
        source_outlet=item.source.outlet if item.source else "",
        source_headline=item.source.headline if item.source else "",
        source_url=item.source.url if item.source else "",
        story=story[0],
        story_note=story[1],
        live=False,
    )
    if item.days_ago > 0:
        article.first_published_at = published_at
    else:
        article.go_live_at = published_at
    article.article_authors = [
        ArticleAuthor(author=authors[slug], sort_order=i) for i, slug in enumerate(item.authors)
    ]
    article.corrections = [
        Correction(corrected_at=published_at + timedelta(hours=c.hours_after), text=c.text)
        for c in item.corrections
    ]
    section.add_child(instance=article)
    article.tags.add(*item.tags)
    article.save_revision(log_action=False).publish(log_action=False)
    if item.corrections and item.days_ago > 0:
        last = max(c.corrected_at for c in article.corrections.all())
        ArticlePage.objects.filter(pk=article.pk).update(updated_at=last)
    return article


def _stream(item: content.DemoArticle) -> list[dict]:
    blocks: list[dict] = []
    for index, (kind, value) in enumerate(item.body):
        if kind == "image":
            photo = ensure_photo(
                f"{item.slug}-{index}",
                title=f"Demo: {item.slug} picture {index}",
                alt=value["caption"][:255],
                caption=value["caption"],
            )
            value = {
                "image": {"image": photo.pk, "alt_text": photo.description, "decorative": False},
                "caption": value["caption"],
                "credit": "",
            }
        elif kind == "related":
            target = ArticlePage.objects.get(slug=value)
            value = {"article": target.pk, "label": ""}
        blocks.append({"type": kind, "value": value})
    return blocks
