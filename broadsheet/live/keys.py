"""The surrogate keys and the generation of live coverage (see :mod:`broadsheet.caching.keys`).

What changes with every entry (the head of a live blog, its poll answers, its feeds, its
key-events list) names :func:`blog`; a page of older entries (``?before=``) or an entry's
permalink changes only when one of the entries it shows does, so it names each of them
(:func:`entry`) and stays cached while the coverage goes on above it.
"""

from broadsheet.caching import keys

#: What lists live blogs by their status (the news sitemap lists the live ones).
ANY_BLOG = "liveblogs"


def blog(page_id: int) -> str:
    """The newest state of one live blog: its head page, poll answers and feeds."""
    return f"liveblog-{page_id}"


def entry(entry_id: int) -> str:
    """One entry, wherever a page of older entries or a permalink shows it."""
    return f"liveentry-{entry_id}"


def generation(page_id: int) -> str:
    """The generation of the blog's shared fragments (``broadsheet.caching.fragments``)."""
    return f"liveblog:{page_id}"


def for_entry(page_id: int, entry_id: int) -> set[str]:
    """An entry was posted, edited, corrected, deleted or went live at its scheduled time.

    Purged: the blog's head (page, poll answers, feeds) and wherever that entry is shown.
    Nothing else: older pages of the blog show other entries, and no other page shows it.
    """
    return {blog(page_id), entry(entry_id)}


def for_blog_page(page_id: int) -> set[str]:
    """The live blog page itself was published, unpublished or moved: every page of it
    (all name ``page-<id>``), its head and feeds, and "not found" pages its address may
    have been, and the lists of live blogs (its status may have changed)."""
    return {keys.page(page_id), blog(page_id), keys.MISSING, ANY_BLOG}
