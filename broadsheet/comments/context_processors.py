"""What reader templates may show of the comments beside any page."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from broadsheet.comments.selectors import most_commented_articles


def most_commented(request: HttpRequest) -> dict[str, Any]:
    """``most_commented``: this week's five most commented articles, read only if shown."""
    return {"most_commented": SimpleLazyObject(lambda: most_commented_articles(limit=5, days=7))}
