"""What each event invalidates in the HTTP cache: the one place that maps a change to URLs.

Pure functions over plain data. The signal handlers (``handlers.py``) read the facts from the
database; these functions decide which cached URLs show those facts; the purge task
(``tasks.py``) sends the result to the cache.

A target is a path plus a *scope*:

``EXACT``
    that URL only (``/sitemap.xml``).
``LISTING``
    the path with any query string: a listing and its pages (``/city/``, ``/city/?page=7``).
    A new article shifts every page of a listing by one, so all of them are stale at once.
``TREE``
    the path, any query string, and everything below it: an article together with its comment
    pages, or every feed under ``/feeds/``.

Varnish drops ``LISTING`` and ``TREE`` targets with one BAN each (see
``deploy/varnish/default.vcl``). Caches that can only purge single URLs (the nginx front,
CDNs) get the URLs a batch of targets names instead (:func:`single_urls`).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

FRONT_PAGE = "/"
FEEDS = "/feeds/"
ARCHIVE = "/archive/"
SEARCH = "/search/"
# The sitemap index and every part of it (see broadsheet.feeds.sitemaps.SECTIONS); each part's
# ?p=N pages are covered by the LISTING scope.
SITEMAPS = (
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/sitemap-pages.xml",
    "/sitemap-articles.xml",
    "/sitemap-authors.xml",
    "/sitemap-topics.xml",
)
TOPICS = "/topics/"
AUTHORS = "/authors/"
# For caches without BAN (single_urls): the feed formats (broadsheet.feeds.generators.FEED_TYPES)
# and the comment orders other than the default one (broadsheet.comments.selectors.SORT_LABELS).
FEED_FORMATS = ("rss", "atom", "json")
COMMENT_ORDERS = ("newest", "liked")


class Scope(StrEnum):
    EXACT = "exact"
    LISTING = "listing"
    TREE = "tree"


@dataclass(frozen=True, order=True)
class Target:
    """A set of cached URLs on one site: ``root_url`` is scheme and host, ``path`` starts with /."""

    root_url: str
    path: str
    scope: Scope

    def as_dict(self) -> dict[str, str]:
        return {"root_url": self.root_url, "path": self.path, "scope": str(self.scope)}

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> "Target":
        return cls(root_url=data["root_url"], path=data["path"], scope=Scope(data["scope"]))

    def covers(self, other: "Target") -> bool:
        """True when purging this target also purges ``other``."""
        if self.root_url != other.root_url:
            return False
        if self.scope is Scope.TREE:
            return other.path.startswith(self.path)
        if self.scope is Scope.LISTING:
            return other.path == self.path and other.scope is not Scope.TREE
        return other == self


@dataclass(frozen=True)
class ArticlePlaces:
    """Where one article shows on one site, before or after a change.

    ``paths`` holds every URL path the article is or was served at (after a move or a slug
    change, both old and new; aliases too). The other fields are the listing pages that show it.
    """

    root_url: str
    paths: tuple[str, ...]
    section_paths: tuple[str, ...] = ()
    topic_paths: tuple[str, ...] = ()
    author_paths: tuple[str, ...] = ()


def for_article(places: ArticlePlaces) -> set[Target]:
    """An article was published, edited, unpublished or moved.

    Purged: the article with its comment pages; its section's listing (every page); the front
    page; its topics' and authors' pages; every feed; the archive; the sitemap index, the news
    sitemap and the section's sitemap; search results.
    """
    root = places.root_url
    targets = {Target(root, path, Scope.TREE) for path in places.paths}
    listings = (*places.section_paths, FRONT_PAGE, *places.topic_paths, *places.author_paths)
    targets |= {Target(root, path, Scope.LISTING) for path in listings}
    targets.add(Target(root, FEEDS, Scope.TREE))
    targets.add(Target(root, SEARCH, Scope.TREE))
    targets.add(Target(root, ARCHIVE, Scope.TREE))
    targets |= {Target(root, path, Scope.LISTING) for path in SITEMAPS}
    return targets


def for_comment(root_url: str, article_paths: Iterable[str]) -> set[Target]:
    """A comment became visible, stopped being visible, or its visible text changed.

    Purged: the article with everything below it (comment pages, the article's comment feed),
    the comment feeds under ``/feeds/comments/``, and the front page, whose "Most commented"
    list counts comments. Other listings show no comments, so they stay.
    """
    targets = {Target(root_url, path, Scope.TREE) for path in article_paths}
    targets.add(Target(root_url, FEEDS + "comments/", Scope.TREE))
    targets.add(Target(root_url, FRONT_PAGE, Scope.LISTING))
    return targets


def for_whole_site(root_url: str) -> set[Target]:
    """Something every page shows changed: a section's name, an author's name, site settings."""
    return {Target(root_url, FRONT_PAGE, Scope.TREE)}


def merge(targets: Iterable[Target]) -> list[Target]:
    """Drop targets another one already covers; sorted, so batches are stable."""
    unique = sorted(set(targets))
    return [t for t in unique if not any(o != t and o.covers(t) for o in unique)]


def ban_pattern(target: Target) -> str:
    """The regular expression a Varnish BAN matches against a cached object's URL."""
    path = re.escape(target.path)
    if target.scope is Scope.TREE:
        return f"^{path}"
    if target.scope is Scope.LISTING:
        return rf"^{path}(\?.*)?$"
    return f"^{path}$"


def single_urls(targets: Iterable[Target], listing_pages: int) -> list[str]:
    """Full URLs for a cache that purges one URL at a time (no BAN), for one batch of targets.

    Each target gives its URL. A listing or a tree also gives its pages ``?page=2`` …
    ``?page=N`` (``?p=`` for a sitemap), and an article's tree the first page of each other
    comment order (``?sort=newest``). The feeds tree gives the feeds the batch's listings
    have, in every format: the site's, and each section's, topic's and author's.

    What no URL here names stays cached until ``s-maxage`` passes: listing pages after N and
    keyset-cursor pages (``?before=``), search results (``/search/?q=…``), the archive's year
    and month pages, the comment feeds (``/feeds/comments/<id>/…``), and, after a change to
    the whole site, every page but the front page.
    """
    targets = list(targets)
    urls: list[str] = []
    for target in targets:
        root = target.root_url.rstrip("/")
        if target.scope is Scope.TREE and target.path.startswith(FEEDS):
            if target.path == FEEDS:
                urls += [root + path for path in _feed_paths(targets, target.root_url)]
            continue  # no feed lives at a tree's own path
        urls.append(root + target.path)
        if target.scope is Scope.EXACT or target.path == SEARCH:
            continue
        parameter = "p" if target.path in SITEMAPS else "page"
        urls += [f"{root}{target.path}?{parameter}={n}" for n in range(2, listing_pages + 1)]
        if target.scope is Scope.TREE and target.path not in (FRONT_PAGE, ARCHIVE):
            urls += [f"{root}{target.path}?sort={order}" for order in COMMENT_ORDERS]
    return sorted(set(urls))


def _feed_paths(targets: list[Target], root_url: str) -> list[str]:
    """The site's feeds and those of the batch's section, topic and author listings."""
    scopes = [""]
    for target in targets:
        if target.root_url != root_url or target.scope is not Scope.LISTING:
            continue
        path = target.path
        if path.startswith((TOPICS, AUTHORS)):
            scopes.append(path.lstrip("/"))
        elif path != FRONT_PAGE and path not in SITEMAPS:
            scopes.append("sections/" + path.rstrip("/").rsplit("/", 1)[-1] + "/")
    return [f"{FEEDS}{scope}{fmt}/" for scope in scopes for fmt in FEED_FORMATS]
