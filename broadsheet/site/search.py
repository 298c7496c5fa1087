"""Article search through Wagtail's search backend, written to behave the same on each one.

The default backend is the database one: SQLite FTS5 or PostgreSQL full text (OpenSearch or
Elasticsearch are a settings change). Only the public search API is used: ``.search()`` with
``fields=``, filters on declared ``FilterField``s, and query objects.

Ranking: articles whose headline matches come first, each group in the backend's relevance
order. Backends weigh titles differently (SQLite's bm25 barely at all), so instead of relying
on boosts the headline matches are searched separately and the rest follow them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.safestring import SafeString
from wagtail.search.query import And, Phrase, PlainText, SearchQuery

from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.articles.selectors import listing_articles, public_articles
from broadsheet.core.pagination import max_pages, page_size
from broadsheet.site.highlight import highlight, snippet, stream_text

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
_QUOTED = re.compile(r'"([^"]*)"')


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _tokens(text: str) -> list[str]:
    """Whitespace-separated tokens that contain a letter or digit, without double quotes."""
    tokens = (token.replace('"', "") for token in text.split())
    return [token for token in tokens if any(_is_word_char(char) for char in token)]


@dataclass(frozen=True)
class ParsedQuery:
    """What a reader typed: loose words (all must match) and "quoted phrases"."""

    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    @property
    def terms(self) -> list[str]:
        """The words to highlight: every letter-or-digit run of the words and phrases."""
        tokens = [*self.words, *(word for phrase in self.phrases for word in phrase)]
        runs: list[str] = []
        for token in tokens:
            run = "".join(c if _is_word_char(c) else " " for c in token)
            runs.extend(run.split())
        return runs

    def to_search_query(self) -> SearchQuery:
        parts: list[SearchQuery] = []
        if self.words:
            parts.append(PlainText(" ".join(self.words), operator="and"))
        parts.extend(Phrase(" ".join(phrase)) for phrase in self.phrases)
        return parts[0] if len(parts) == 1 else And(parts)


def parse_query(text: str | None) -> ParsedQuery:
    """Split a reader's query into words and phrases; punctuation-only input is empty."""
    text = unicodedata.normalize("NFC", text or "")[:MAX_QUERY_LENGTH]
    budget = MAX_TERMS
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    for quoted in _QUOTED.findall(text):
        tokens = _tokens(quoted)[:budget]
        budget -= len(tokens)
        if len(tokens) > 1:
            phrases.append(tuple(tokens))
        else:
            words.extend(tokens)
    words.extend(_tokens(_QUOTED.sub(" ", text))[: max(budget, 0)])
    return ParsedQuery(tuple(dict.fromkeys(words)), tuple(dict.fromkeys(phrases)))


@dataclass(frozen=True)
class SearchFilters:
    section: SectionPage | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive

    def apply(self, queryset: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
        if self.section is not None:
            queryset = queryset.child_of(self.section)
        if self.since is not None:
            queryset = queryset.filter(published_at__gte=self.since)
        if self.until is not None:
            queryset = queryset.filter(published_at__lt=self.until)
        return queryset


@dataclass(frozen=True)
class SearchPage:
    items: list[ArticlePage]
    total: int
    number: int
    has_next: bool


def search_articles(
    request: HttpRequest | None,
    query: ParsedQuery,
    filters: SearchFilters = SearchFilters(),  # noqa: B008 - frozen, never mutated
    *,
    number: int = 1,
    per_page: int | None = None,
) -> SearchPage:
    """One page of live, public articles matching ``query``, headline matches first.

    The result list is capped at ``max_pages()`` pages, like every listing.
    """
    per_page = per_page or page_size()
    base = filters.apply(listing_articles(request).defer(None))
    search_query = query.to_search_query()
    cap = max_pages() * per_page
    # The matches' ids, unranked and only up to the cap: a word every article has would
    # otherwise count (and rank) the whole archive for a number nobody can page to.
    matching = [
        page.pk
        for page in base.order_by()
        .select_related(None)
        .prefetch_related(None)
        .only("id")
        .search(search_query, operator="and", order_by_relevance=False)[:cap]
    ]
    total = len(matching)
    if total == 0:
        return SearchPage([], 0, number, False)
    # Fewer than the cap: every match is known, so rank only those. The headline-only search
    # cannot use the full-text index on PostgreSQL (it builds each title's vector), so it must
    # not meet the rest of the archive.
    known = matching if total < cap else None
    if known is not None:
        base = base.filter(pk__in=known)
    start, stop = (number - 1) * per_page, min(number * per_page, total)
    in_title = base.search(search_query, fields=["title"], operator="and")
    title_total = (
        base.order_by()
        .search(search_query, fields=["title"], operator="and", order_by_relevance=False)[:total]
        .count()
    )
    items = list(in_title[start:stop]) if start < title_total else []
    if stop > title_total:
        title_ids = _title_match_ids(request, search_query, filters, title_total, within=known)
        rest = base.exclude(id__in=title_ids).search(search_query, operator="and")
        items.extend(rest[max(start - title_total, 0) : stop - title_total])
    return SearchPage(items, total, number, stop < total)


def _title_match_ids(
    request: HttpRequest | None,
    query: SearchQuery,
    filters: SearchFilters,
    count: int,
    *,
    within: list[int] | None = None,
) -> list[int]:
    """The ids of the (at most ``count``) headline matches, read without their content."""
    if not count:
        return []
    light = filters.apply(public_articles(request)).only("id")
    if within is not None:
        light = light.filter(pk__in=within)
    matches = light.search(query, fields=["title"], operator="and", order_by_relevance=False)
    return [page.pk for page in matches[:count]]


@dataclass(frozen=True)
class SearchHit:
    article: ArticlePage
    headline: SafeString
    snippet: SafeString


def search_hits(articles: list[ArticlePage], query: ParsedQuery) -> list[SearchHit]:
    """Results with their headline and a passage of standfirst or body, matches marked."""
    terms = query.terms
    hits = []
    for article in articles:
        text = f"{article.standfirst} {stream_text(article.body.raw_data)}"
        hits.append(SearchHit(article, highlight(article.title, terms), snippet(text, terms)))
    return hits
