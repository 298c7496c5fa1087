"""Articles as the API shows them: plain dicts built from a page of articles in a fixed
number of queries, with only the fields the client asked for.

Each builder names the surrogate keys of what it shows (``broadsheet.caching.keys``), so a
response is purged exactly when one of its articles changes, as the article page is.
"""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from taggit.models import Tag

from broadsheet.api.bodies import ApiBodies
from broadsheet.articles.models import HERO_SPEC, ArticlePage, ArticleTag, Correction
from broadsheet.articles.selectors import article_section, listing_articles
from broadsheet.caching import keys
from broadsheet.core.absolute import absolute_url, page_url, topic_path

#: Every field of an article; ``?fields=`` chooses among them (``id`` always comes back).
FIELDS = (
    "id",
    "url",
    "path",
    "title",
    "standfirst",
    "section",
    "authors",
    "tags",
    "story",
    "language",
    "published_at",
    "updated_at",
    "first_published_at",
    "reading_minutes",
    "word_count",
    "hero",
    "source",
    "corrections",
    "body_html",
    "body_blocks",
)
#: What a list gives without ``?fields=``: everything but the bodies and corrections.
LIST_FIELDS = tuple(f for f in FIELDS if f not in {"body_html", "body_blocks", "corrections"})


class UnknownField(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def chosen_fields(raw: str | None, default: Iterable[str]) -> set[str]:
    """The fields named in ``?fields=a,b`` (``id`` included), or ``default``."""
    if not raw:
        return set(default)
    names = {name.strip() for name in raw.split(",") if name.strip()}
    for name in names:
        if name not in FIELDS:
            raise UnknownField(name)
    return names | {"id"}


def queryset(request: HttpRequest, fields: set[str]) -> QuerySet[ArticlePage]:
    """Public articles newest first, with what ``fields`` needs loaded in bulk."""
    articles = listing_articles(request).select_related("story", "locale")
    if fields & {"body_html", "body_blocks"}:
        articles = articles.defer(None)
    if "corrections" in fields:
        articles = articles.prefetch_related(
            Prefetch("corrections", queryset=Correction.objects.order_by("sort_order"))
        )
    return articles


def serialize(
    request: HttpRequest, articles: list[ArticlePage], fields: set[str]
) -> list[dict[str, Any]]:
    """The articles as dicts holding ``fields``; names each article's key."""
    bodies = None
    if fields & {"body_html", "body_blocks"}:
        bodies = ApiBodies(articles, request=request)
        keys.add(*(keys.page(pk) for pk in bodies.page_ids))
    keys.add(*(keys.page(article.pk) for article in articles))
    tags = _tags_of(articles) if "tags" in fields else {}
    links = _Links(request)
    return [_article(links, article, fields, bodies, tags) for article in articles]


def _tags_of(articles: list[ArticlePage]) -> dict[int, list[Tag]]:
    """Each article's tags by name, in one query. (Prefetching ``tags`` through the cluster's
    tag manager built a queryset per article, which cost more than the query itself.)"""
    rows = (
        ArticleTag.objects.filter(content_object_id__in=[a.pk for a in articles])
        .select_related("tag")
        .only("content_object_id", "tag__name", "tag__slug")
    )
    found: dict[int, list[Tag]] = defaultdict(list)
    for row in rows:
        found[row.content_object_id].append(row.tag)
    return {pk: sorted(tags, key=lambda tag: tag.name.casefold()) for pk, tags in found.items()}


def _article(
    links: "_Links", article: ArticlePage, fields: set[str], bodies, tags: dict[int, list[Tag]]
) -> dict[str, Any]:
    request = links.request
    path = article.get_url(request) if fields & {"url", "path"} else None
    values = {
        "id": lambda: article.pk,
        "url": lambda: absolute_url(request, path) if path else None,
        "path": lambda: path,
        "title": lambda: article.title,
        "standfirst": lambda: article.standfirst,
        "section": lambda: links.section(article),
        "authors": lambda: [links.author(link.author) for link in article.article_authors.all()],
        "tags": lambda: [links.tag(tag) for tag in tags.get(article.pk, [])],
        "story": lambda: _story(article),
        "language": lambda: article.locale.language_code,
        "published_at": lambda: article.published_at,
        "updated_at": lambda: article.updated_at,
        "first_published_at": lambda: article.first_published_at,
        "reading_minutes": lambda: article.reading_minutes,
        "word_count": lambda: article.word_count,
        "hero": lambda: _hero(request, article),
        "source": lambda: _source(article),
        "corrections": lambda: [
            {"corrected_at": c.corrected_at, "text": c.text} for c in article.corrections.all()
        ],
        "body_html": lambda: str(bodies.html(article)),
        "body_blocks": lambda: bodies.blocks(article),
    }
    return {name: values[name]() for name in FIELDS if name in fields}


class _Links:
    """The sections, bylines and tags of one answer, each built once: down a list they repeat,
    and every one costs a URL reversed."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.sections: dict[int, dict[str, Any] | None] = {}
        self.authors: dict[int, dict[str, Any]] = {}
        self.tags: dict[str, dict[str, Any]] = {}

    def section(self, article: ArticlePage) -> dict[str, Any] | None:
        section = article_section(article, self.request)
        if section is None:
            return None
        if section.pk not in self.sections:
            self.sections[section.pk] = {
                "id": section.pk,
                "title": section.title,
                "slug": section.slug,
                "url": page_url(self.request, section),
            }
        return self.sections[section.pk]

    def author(self, author) -> dict[str, Any]:
        if author.pk not in self.authors:
            self.authors[author.pk] = {
                "id": author.pk,
                "name": author.name,
                "slug": author.slug,
                "url": absolute_url(self.request, author.get_absolute_url()),
            }
        return self.authors[author.pk]

    def tag(self, tag) -> dict[str, Any]:
        if tag.slug not in self.tags:
            url = absolute_url(self.request, topic_path(tag.slug))
            self.tags[tag.slug] = {"name": tag.name, "slug": tag.slug, "url": url}
        return self.tags[tag.slug]


def _story(article: ArticlePage) -> dict[str, Any] | None:
    story = article.story
    return None if story is None else {"id": story.pk, "title": story.title, "slug": story.slug}


def _hero(request, article: ArticlePage) -> dict[str, Any] | None:
    photo = article.hero_image
    if photo is None:
        return None
    rendition = photo.get_rendition(HERO_SPEC)
    return {
        "id": photo.pk,
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": photo.description,
        "caption": article.hero_caption_text,
        "credit": photo.credit,
    }


def _source(article: ArticlePage) -> dict[str, Any] | None:
    if not (article.source_outlet or article.source_url):
        return None
    return {
        "outlet": article.source_outlet,
        "headline": article.source_headline,
        "url": article.source_url,
    }
