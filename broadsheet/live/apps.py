from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "broadsheet.live"
    label = "live"
    verbose_name = "Live coverage"

    def ready(self) -> None:
        from broadsheet.core import scheduling
        from broadsheet.feeds.sitemaps import register_news_source
        from broadsheet.live.actions import publish_due_entries
        from broadsheet.live.sitemaps import live_blogs_for_news

        # A scheduled entry goes live (and its blog is purged) within a minute of its time.
        scheduling.register(publish_due_entries)
        # While live, a live blog is news: in the Google News sitemap beside the articles.
        register_news_source(live_blogs_for_news)
