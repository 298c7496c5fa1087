"""What the newsletters app's reader pages show, named for the HTTP cache
(:mod:`broadsheet.caching.keys`) and for the remembered list of newsletters offered
(:mod:`broadsheet.caching.fragments`)."""

#: The newsletters offered: /newsletters/ and the sign-up box on article pages.
OFFERED = "newsletters"
#: The generation of the remembered list of newsletters offered.
GENERATION = "newsletters"


def newsletter(newsletter_id: int) -> str:
    """One newsletter's archive, feed and the web versions of its editions."""
    return f"newsletter-{newsletter_id}"
