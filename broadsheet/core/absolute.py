"""Absolute URLs for what leaves the site: feeds, sitemaps, canonical links, social cards.

They are built from the request (scheme and host, as Django's syndication and sitemap views
do), not from the Wagtail site record: the host is checked against ``ALLOWED_HOSTS``, the scheme
follows ``SECURE_PROXY_SSL_HEADER`` behind a TLS proxy, and the demo on ``127.0.0.1:8000`` gets
working links without editing its site record.
"""

from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Page


def absolute_url(request: HttpRequest, url: str) -> str:
    """Make a path such as ``/city/bridge/`` or ``/media/x.jpg`` absolute; leave full URLs."""
    return request.build_absolute_uri(url)


def page_url(request: HttpRequest, page: Page) -> str | None:
    """A Wagtail page's absolute URL, or ``None`` if the page is not routable."""
    url = page.get_url(request)
    return absolute_url(request, url) if url else None


def topic_path(slug: str) -> str:
    """The tag (topic) page's path, ``/topics/<slug>/``."""
    return reverse("site:tag", kwargs={"slug": slug})
