"""The surrogate keys of articles and what lists them (see :mod:`broadsheet.caching.keys`).

A page names the key of each set of articles it lists; a change to an article purges the
keys of every set it belongs to, before and after the change (``broadsheet.freshness``).
The article page itself, and any page showing one article's headline (related articles,
neighbours), names the article's page key (``caching.keys.page``).
"""

#: Lists of the site's latest articles, whatever their section: the front page, the site's
#: feeds, the archive, search results, the sitemaps.
LATEST = "articles"


def section(section_id: int) -> str:
    """A section's listing and feed."""
    return f"section-{section_id}"


def topic(slug: str) -> str:
    """A topic's (tag's) listing and feed."""
    return f"topic-{slug}"


def author(author_id: int) -> str:
    """An author's listing and feed."""
    return f"author-{author_id}"
