"""Template context for the Wagtail page types readers browse (front page and sections)."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from broadsheet.articles.models import HomePage, SectionPage
from broadsheet.comments.selectors import most_commented_articles
from broadsheet.site.pagination import paginate
from broadsheet.site.selectors import front_page, listing_articles


def front_page_context(home: HomePage, request: HttpRequest) -> dict[str, Any]:
    # Read only when rendered: anonymous readers usually get the stories and the section
    # blocks from shared fragments (home_page.html), which change only when an article does.
    return {
        "front": SimpleLazyObject(lambda: front_page(home, request)),
        "most_commented": most_commented_articles(limit=5, days=7),
    }


def section_page_context(section: SectionPage, request: HttpRequest) -> dict[str, Any]:
    # Read only when rendered (a page past the end raises Http404 then): anonymous readers
    # usually get the listing from a shared fragment (section_page.html).
    listing = SimpleLazyObject(
        lambda: paginate(request, listing_articles(request).child_of(section))
    )
    return {"listing": listing, "articles": SimpleLazyObject(lambda: listing.items)}
