"""Feed, sitemap and robots.txt URLs; mounted at the site root before Wagtail's pages."""

from django.urls import path, register_converter

from broadsheet.feeds import views
from broadsheet.feeds.generators import FEED_TYPES


class FeedFormatConverter:
    regex = "|".join(FEED_TYPES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(FeedFormatConverter, "feedformat")

app_name = "feeds"

urlpatterns = [
    path("feeds/<feedformat:fmt>/", views.feed, {"scope": "site"}, name="site"),
    path(
        "feeds/sections/<slug:slug>/<feedformat:fmt>/",
        views.feed,
        {"scope": "section"},
        name="section",
    ),
    path("feeds/topics/<str:slug>/<feedformat:fmt>/", views.feed, {"scope": "topic"}, name="topic"),
    path(
        "feeds/authors/<slug:slug>/<feedformat:fmt>/",
        views.feed,
        {"scope": "author"},
        name="author",
    ),
    path(
        "feeds/comments/<int:article_id>/<feedformat:fmt>/",
        views.feed,
        {"scope": "comments"},
        name="comments",
    ),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemap-news.xml", views.news_sitemap, name="news_sitemap"),
    path("sitemap-<slug:section>.xml", views.sitemap_section, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
