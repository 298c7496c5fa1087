"""The API's response shapes: the schema the OpenAPI document publishes and responses are
validated against. Article fields are optional because ``?fields=`` chooses them."""

from datetime import datetime
from typing import Any

from ninja import Schema


class Link(Schema):
    id: int
    title: str
    slug: str
    url: str | None


class AuthorRef(Schema):
    id: int
    name: str
    slug: str
    url: str


class TagRef(Schema):
    name: str
    slug: str
    url: str


class Picture(Schema):
    id: int
    url: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str


class Source(Schema):
    outlet: str
    headline: str
    url: str


class CorrectionOut(Schema):
    corrected_at: datetime
    text: str


class StoryRef(Schema):
    id: int
    title: str
    slug: str


class Article(Schema):
    id: int
    url: str | None = None
    path: str | None = None
    title: str | None = None
    standfirst: str | None = None
    section: Link | None = None
    authors: list[AuthorRef] | None = None
    tags: list[TagRef] | None = None
    story: StoryRef | None = None
    language: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None
    first_published_at: datetime | None = None
    reading_minutes: int | None = None
    word_count: int | None = None
    hero: Picture | None = None
    source: Source | None = None
    corrections: list[CorrectionOut] | None = None
    body_html: str | None = None
    body_blocks: list[dict[str, Any]] | None = None


class ArticleList(Schema):
    items: list[Article]
    next: str | None  # the cursor of the following page, absent at the end
    next_url: str | None


class Section(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    intro: str


class SectionList(Schema):
    items: list[Section]
    next: str | None
    next_url: str | None


class Author(Schema):
    id: int
    name: str
    slug: str
    url: str
    role: str
    bio: str


class AuthorList(Schema):
    items: list[Author]
    next: str | None
    next_url: str | None


class Tag(Schema):
    id: int
    name: str
    slug: str
    url: str


class TagList(Schema):
    items: list[Tag]
    next: str | None
    next_url: str | None


class Comment(Schema):
    id: int
    parent: int | None
    name: str
    html: str
    created_at: datetime
    featured: bool
    likes: int


class CommentList(Schema):
    items: list[Comment]
    next: str | None
    next_url: str | None


class SearchResults(Schema):
    items: list[Article]
    total: int
    next: str | None
    next_url: str | None


class SiteInfo(Schema):
    name: str
    url: str
    language: str
    time_zone: str
    max_page_size: int
    openapi: str
    reference: str


class Error(Schema):
    detail: str
    field: str | None = None


#: What any operation may answer besides its result: a bad parameter (400), an unknown or
#: inactive key (401), nothing there (404), a parameter of the wrong type (422), over the rate
#: limit (429). ``field`` names the parameter when one is at fault.
ERRORS = {400: Error, 401: Error, 404: Error, 422: Error, 429: Error}
