"""What each change purges from the HTTP cache, as surrogate keys.

Pure functions over plain data. Pages name the keys of what they show when they are built
(:mod:`broadsheet.caching.keys`, and each app's ``keys`` module); these rules name the keys a
change touches; the signal handlers (``handlers.py``) read the facts from the database and
queue the keys; the purge task (``tasks.py``) sends them to the cache. No URL appears here:
whatever page shows an article, a section or a comment, of whatever type, is purged because
it named the key when it was built.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from broadsheet.articles import keys as article_keys
from broadsheet.caching import keys
from broadsheet.comments import keys as comment_keys
from broadsheet.site import breaking


@dataclass(frozen=True)
class ArticlePlaces:
    """What lists one article, before or after a change: its section, topics and authors."""

    article_id: int
    section_ids: tuple[int, ...] = ()
    topic_slugs: tuple[str, ...] = ()
    author_ids: tuple[int, ...] = ()


def for_article(places: ArticlePlaces) -> set[str]:
    """An article was published, edited, unpublished or moved.

    Purged: every page showing it (its own, with its comment pages and aliases; related and
    neighbour lists on other articles), every list of the latest articles (front page, site
    feeds, archive, search, sitemaps), and its section's, topics' and authors' listings and
    feeds; and every "not found" page (the article's address may have been one).
    """
    return {
        keys.page(places.article_id),
        keys.MISSING,
        article_keys.LATEST,
        *map(article_keys.section, places.section_ids),
        *map(article_keys.topic, places.topic_slugs),
        *map(article_keys.author, places.author_ids),
    }


def for_comment(article_id: int) -> set[str]:
    """A comment became visible, stopped being visible, or its visible text changed; or the
    article's comments were opened or closed.

    Purged: what shows the article's comments (its page and comment pages, its comment feed)
    and what shows comments of any article (the site's comment feed, "Most commented").
    """
    return {comment_keys.of_article(article_id), comment_keys.ANY}


def for_breaking_news(*, running: bool) -> set[str]:
    """A breaking news banner was set (``running``), or taken down or deleted.

    Purged: the banner's own answer and the pages showing the banner inline or none at all
    (``breaking.KEY``); when it ended, also the pages that include it (``breaking.INCLUDED``),
    which then go back to including nothing. A banner replacing a running one purges no page
    the cache assembles: those include the new one already (``broadsheet.site.breaking``).
    """
    return {breaking.KEY} if running else {breaking.KEY, breaking.INCLUDED}


def for_whole_site() -> set[str]:
    """Something every page shows changed: a section's name, an author's name, site settings,
    which pages are private, which site answers at an address."""
    return {keys.SITE}


def merge(batches: Iterable[Iterable[str]]) -> list[str]:
    """One sorted list of keys; the site's key alone when it is among them (it covers all)."""
    found = {key for batch in batches for key in batch}
    return [keys.SITE] if keys.SITE in found else sorted(found)
