"""schema.org structured data as plain dicts, and the one safe way to put it in a page.

The builders are pure: they take values (strings, dates, small dataclasses), never models or
requests, so they are easy to test and reuse (an API could serve the same dicts).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

SCHEMA = "https://schema.org"

# The same escapes Django's json_script uses: inside <script>, "</script>" or "<!--" in a
# headline must not end the element, and "&" must not start an entity.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@dataclass(frozen=True, slots=True)
class Link:
    """A name with an absolute URL: a breadcrumb step, a person, a publisher."""

    name: str
    url: str


@dataclass(frozen=True, slots=True)
class Picture:
    """An absolute image URL with its size and alternative text."""

    url: str
    width: int
    height: int
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a story was first reported (the article's source attribution)."""

    outlet: str
    headline: str = ""
    url: str = ""


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """``<script type="application/ld+json">`` with the JSON escaped like ``json_script``."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )


def iso_duration(minutes: int) -> str:
    """ISO 8601 duration of whole minutes: 4 → ``PT4M``, 75 → ``PT1H15M``."""
    hours, rest = divmod(max(0, minutes), 60)
    if hours and rest:
        return f"PT{hours}H{rest}M"
    return f"PT{hours}H" if hours else f"PT{rest}M"


def image_object(picture: Picture) -> dict[str, Any]:
    data = {"@type": "ImageObject", "url": picture.url}
    data.update(width=picture.width, height=picture.height)
    if picture.alt:
        data["caption"] = picture.alt
    return data


def organization(name: str, url: str, logo: Picture) -> dict[str, Any]:
    """The publisher: a ``NewsMediaOrganization`` with its logo."""
    return {
        "@type": "NewsMediaOrganization",
        "name": name,
        "url": url,
        "logo": image_object(logo),
    }


def person(link: Link, **extra: Any) -> dict[str, Any]:
    data = {"@type": "Person", "name": link.name, "url": link.url}
    data.update({key: value for key, value in extra.items() if value})
    return data


def based_on(source: Source) -> dict[str, Any]:
    """``isBasedOn``: the original report a story follows, as a ``CreativeWork``."""
    data: dict[str, Any] = {"@type": "CreativeWork", "name": source.headline or source.outlet}
    if source.url:
        data["url"] = source.url
    data["publisher"] = {"@type": "Organization", "name": source.outlet}
    return data


def news_article(
    *,
    url: str,
    headline: str,
    description: str,
    published: datetime | None,
    modified: datetime | None,
    authors: Sequence[Link],
    publisher: dict[str, Any],
    image: Picture | None,
    section: str,
    keywords: Sequence[str],
    word_count: int,
    reading_minutes: int,
    language: str,
    source: Source | None = None,
) -> dict[str, Any]:
    """A ``NewsArticle`` as search engines read it (Google's article structured data)."""
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "@id": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline,
        "description": description,
        "datePublished": published,
        "dateModified": modified or published,
        "author": [person(author) for author in authors],
        "publisher": publisher,
        "image": [image_object(image)] if image else None,
        "articleSection": section or None,
        "keywords": list(keywords) or None,
        "wordCount": word_count or None,
        "timeRequired": iso_duration(reading_minutes),
        "inLanguage": language,
        "isBasedOn": based_on(source) if source else None,
    }
    return {key: value for key, value in data.items() if value is not None}


def breadcrumb_list(steps: Sequence[Link]) -> dict[str, Any]:
    """``BreadcrumbList`` from the front page down to the current page."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": step.name, "item": step.url}
            for position, step in enumerate(steps, start=1)
        ],
    }


def website(*, name: str, url: str, search_url_template: str, language: str) -> dict[str, Any]:
    """``WebSite`` with a ``SearchAction``; ``search_url_template`` has ``{search_term_string}``."""
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url_template},
            "query-input": "required name=search_term_string",
        },
    }


def profile_page(
    *, url: str, author: Link, job_title: str, bio: str, image: Picture | None
) -> dict[str, Any]:
    """``ProfilePage`` whose ``mainEntity`` is the author as a ``Person``."""
    return {
        "@context": SCHEMA,
        "@type": "ProfilePage",
        "url": url,
        "mainEntity": person(
            author,
            jobTitle=job_title,
            description=bio,
            image=image_object(image) if image else None,
        ),
    }
