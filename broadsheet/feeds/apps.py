from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "broadsheet.feeds"
    label = "feeds"
    verbose_name = "Feeds and sitemaps"
