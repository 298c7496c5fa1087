"""Small builders for test data, writing through the same models the admin uses."""

import io
from datetime import datetime

from django.core.files.images import ImageFile
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from broadsheet.articles.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    Correction,
    HomePage,
    SectionPage,
)
from broadsheet.demo.pictures import draw_picture
from broadsheet.images.models import Photo


def make_home() -> HomePage:
    """A front page that is the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="The Test Gazette", slug="front"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def name_test_site(name: str) -> Site:
    """Let the default site answer as the test client's host, under ``name``.

    Absolute URLs in feeds, sitemaps and metadata then match the requests that fetch them.
    """
    from broadsheet.core.models import SiteSettings

    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    SiteSettings.objects.update_or_create(site=site, defaults={"site_name": name})
    return site


def make_section(home: HomePage, title: str = "City", slug: str = "city") -> SectionPage:
    return home.add_child(instance=SectionPage(title=title, slug=slug))


def make_author(name: str = "Ada Brennan", slug: str = "ada-brennan", **kwargs) -> Author:
    return Author.objects.create(name=name, slug=slug, **kwargs)


def make_photo(seed: str = "photo", **kwargs) -> Photo:
    kwargs.setdefault("title", seed)
    kwargs.setdefault("description", f"A picture called {seed}")
    photo = Photo(**kwargs)
    photo.file = ImageFile(io.BytesIO(draw_picture(seed, size=(320, 180))), name=f"{seed}.jpg")
    photo.save()
    return photo


def paragraphs(*texts: str) -> list[tuple[str, RichText]]:
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def make_article(
    section: SectionPage,
    *,
    title: str = "Harbour bridge reopens after repairs",
    slug: str | None = None,
    authors: list[Author] | None = None,
    body: list | None = None,
    publish: bool = True,
    first_published_at: datetime | None = None,
    corrections: list[tuple[datetime, str]] = (),
    tags: list[str] = (),
    **fields,
) -> ArticlePage:
    """Create an article the way an editor does: a draft revision, then publish it."""
    fields.setdefault("standfirst", "Crews finished two weeks early, the council said.")
    article = ArticlePage(
        title=title,
        slug=slug or title.lower().replace(" ", "-")[:50],
        body=body if body is not None else paragraphs("The bridge opened at dawn."),
        live=False,
        first_published_at=first_published_at,
        **fields,
    )
    article.article_authors = [
        ArticleAuthor(author=author, sort_order=i) for i, author in enumerate(authors or [])
    ]
    article.corrections = [Correction(corrected_at=at, text=text) for at, text in corrections]
    section.add_child(instance=article)
    if tags:
        article.tags.add(*tags)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article
