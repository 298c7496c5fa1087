"""Thin views: pick the feed class and format, or hand sitemaps to Django's sitemap views."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import views as wagtail_sitemap_views

from broadsheet.articles import keys as article_keys
from broadsheet.caching import fragments, keys
from broadsheet.core.absolute import absolute_url
from broadsheet.feeds import feeds, sitemaps
from broadsheet.feeds.comments import CommentFeed

FEEDS: dict[str, type[feeds.BroadsheetFeed]] = {
    "site": feeds.SiteFeed,
    "section": feeds.SectionFeed,
    "topic": feeds.TopicFeed,
    "author": feeds.AuthorFeed,
    "comments": CommentFeed,
}


@require_GET
def feed(request: HttpRequest, scope: str, fmt: str, **kwargs: str) -> HttpResponse:
    """Serve the ``scope`` feed in format ``fmt`` (rss, atom or json).

    Article feeds change only with the content: anonymous requests share the rendered feed
    (``broadsheet.caching.fragments``). Comment feeds are always built.
    """
    if scope == "comments":
        return FEEDS[scope](fmt)(request, **kwargs)

    def build() -> tuple[bytes, dict[str, str]]:
        response = FEEDS[scope](fmt)(request, **kwargs)
        kept = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
        return response.content, kept

    content, headers = fragments.cached(
        request, "feed", [scope, fmt, request.get_full_path()], build
    )
    response = HttpResponse(content)
    for name, value in headers.items():
        response[name] = value
    return response


# What a feed response says besides its body (Django's Feed view sets these).
KEPT_HEADERS = ("Content-Type", "Last-Modified")


@require_GET
def sitemap_index(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: one entry per page of each section sitemap."""
    keys.add(article_keys.LATEST)
    return wagtail_sitemap_views.index(
        request, sitemaps.SECTIONS, sitemap_url_name="feeds:sitemap_section"
    )


@require_GET
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    """``/sitemap-<section>.xml?p=N``: one page of one section."""
    keys.add(article_keys.LATEST)
    return wagtail_sitemap_views.sitemap(
        request, sitemaps.SECTIONS, section=section, template_name="feeds/sitemap.xml"
    )


@require_GET
def news_sitemap(request: HttpRequest) -> HttpResponse:
    """``/sitemap-news.xml``: articles of the last 48 hours, in Google News' format."""
    keys.add(article_keys.LATEST)
    return wagtail_sitemap_views.sitemap(
        request, {"news": sitemaps.NewsSitemap}, template_name="feeds/news_sitemap.xml"
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """``/robots.txt``: keep crawlers out of the admin; name the sitemaps."""
    context = {
        "sitemaps": [
            absolute_url(request, reverse("feeds:sitemap_index")),
            absolute_url(request, reverse("feeds:news_sitemap")),
        ]
    }
    return render(request, "feeds/robots.txt", context, content_type="text/plain; charset=utf-8")
