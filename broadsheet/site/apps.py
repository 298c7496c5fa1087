from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "broadsheet.site"
    label = "broadsheet_site"

    def ready(self) -> None:
        from broadsheet.site import signals

        signals.connect()
