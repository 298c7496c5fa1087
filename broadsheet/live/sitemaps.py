"""Live blogs in the Google News sitemap, for as long as they are live."""

from django.http import HttpRequest
from wagtail.models import Page

from broadsheet.articles.selectors import private_q
from broadsheet.caching import keys
from broadsheet.feeds.sitemaps import NEWS_LIMIT, NewsItem
from broadsheet.live import keys as live_keys
from broadsheet.live.models import LiveBlogPage, Status


def live_blogs_for_news(request: HttpRequest, root: Page) -> list[NewsItem]:
    """Public live blogs of the site whose coverage is live, newest first."""
    keys.add(live_keys.ANY_BLOG)
    blogs = (
        LiveBlogPage.objects.live()
        .descendant_of(root)
        .exclude(private_q(request))
        .filter(status=Status.LIVE)
        .only("title", "url_path", "first_published_at", "last_published_at", "coverage_start")
        .order_by("-first_published_at", "-pk")[:NEWS_LIMIT]
    )
    return [
        NewsItem(
            page=blog,
            published_at=blog.coverage_start or blog.first_published_at,
            title=blog.title,
            last_changed=blog.last_published_at,
        )
        for blog in blogs
    ]
