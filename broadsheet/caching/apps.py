from django.apps import AppConfig


class CachingConfig(AppConfig):
    """Cache headers, generations and shared fragments: infrastructure that knows no content.

    What invalidates them is wired in :mod:`broadsheet.freshness`.
    """

    name = "broadsheet.caching"
    label = "caching"
    verbose_name = "Caching"
