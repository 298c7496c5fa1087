"""What a live blog says about itself in its head: canonical link, Open Graph and a
``LiveBlogPosting`` (schema.org) with its latest entries as ``liveBlogUpdate``s."""

from datetime import datetime
from typing import Any

from django.utils.html import strip_tags

from broadsheet.articles.models import HERO_SPEC
from broadsheet.core.absolute import page_url
from broadsheet.metadata import jsonld
from broadsheet.metadata.jsonld import Link, Picture
from broadsheet.metadata.pages import PageMetadata, SiteContext


def live_blog_posting(
    *,
    url: str,
    headline: str,
    description: str,
    coverage_start: datetime | None,
    coverage_end: datetime | None,
    modified: datetime | None,
    authors: list[Link],
    publisher: dict[str, Any],
    image: Picture | None,
    updates: list[dict[str, Any]],
) -> dict[str, Any]:
    """A ``LiveBlogPosting`` (Google's live coverage markup)."""
    data: dict[str, Any] = {
        "@context": jsonld.SCHEMA,
        "@type": "LiveBlogPosting",
        "@id": url,
        "url": url,
        "headline": headline,
        "description": description,
        "coverageStartTime": coverage_start,
        "coverageEndTime": coverage_end,
        "datePublished": coverage_start,
        "dateModified": modified,
        "author": [jsonld.person(author) for author in authors] or None,
        "publisher": publisher,
        "image": [jsonld.image_object(image)] if image else None,
        "liveBlogUpdate": updates,
    }
    return {key: value for key, value in data.items() if value is not None}


def blog_update(*, url: str, headline: str, published: datetime, text: str) -> dict[str, Any]:
    """One entry as a ``BlogPosting`` inside ``liveBlogUpdate``."""
    return {
        "@type": "BlogPosting",
        "url": url,
        "headline": headline,
        "datePublished": published,
        "articleBody": text,
    }


def metadata(request, page, *, authors, entries) -> PageMetadata:
    site = SiteContext(request)
    url = page_url(request, page)
    image = site.picture(page.hero_image, HERO_SPEC)
    updates = [
        blog_update(
            url=f"{url}entries/{entry.pk}/",
            headline=entry.title or page.title,
            published=entry.published_at,
            text=_plain(entry),
        )
        for entry in entries
    ]
    posting = live_blog_posting(
        url=url,
        headline=page.title,
        description=page.standfirst,
        coverage_start=page.coverage_start,
        coverage_end=page.coverage_end,
        modified=entries[0].published_at if entries else page.last_published_at,
        authors=[Link(a.name, site.url(a.get_absolute_url())) for a in authors],
        publisher=site.publisher(),
        image=image,
        updates=updates,
    )
    return PageMetadata(
        site_name=site.name,
        title=page.seo_title or page.title,
        description=page.search_description or page.standfirst,
        canonical=site.canonical(url),
        og_type="article",
        image=image or site.logo,
        large_image=image is not None,
        feed_links=site.feeds(),
        json_ld=[posting],
    )


def _plain(entry) -> str:
    texts = []
    for block in entry.body:
        if block.block_type == "paragraph":
            texts.append(strip_tags(block.value.source))
        elif block.block_type == "subheading":
            texts.append(block.value)
    return " ".join(" ".join(texts).split())[:500]
