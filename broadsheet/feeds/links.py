"""URLs of feeds and reader pages that other parts of the site link to."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from broadsheet.feeds.generators import MIME_TYPES

FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}


@dataclass(frozen=True, slots=True)
class FeedLink:
    """One ``<link rel="alternate">`` a page advertises for feed readers."""

    title: str
    mime_type: str
    href: str


def feed_path(scope: str, fmt: str, **kwargs: object) -> str:
    """Path of a feed: ``scope`` is site, section, topic, author or comments."""
    return reverse(f"feeds:{scope}", kwargs={"fmt": fmt, **kwargs})


def feed_links(scope: str, label: str, **kwargs: object) -> list[FeedLink]:
    """The RSS, Atom and JSON Feed links of one feed, titled like "City – RSS"."""
    return [
        FeedLink(
            title=_("%(label)s – %(format)s") % {"label": label, "format": format_label},
            mime_type=MIME_TYPES[fmt],
            href=feed_path(scope, fmt, **kwargs),
        )
        for fmt, format_label in FORMAT_LABELS.items()
    ]
