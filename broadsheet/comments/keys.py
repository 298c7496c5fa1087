"""The surrogate keys of comments (see :mod:`broadsheet.caching.keys`)."""

#: Pages showing comments of any article: the site's comment feed, "Most commented".
ANY = "comments"


def of_article(article_id: int) -> str:
    """One article's comment threads, counts, form and comment feed."""
    return f"comments-{article_id}"
