from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "broadsheet.live"
    label = "live"
    verbose_name = "Live coverage"

    def ready(self) -> None:
        from broadsheet.core import scheduling
        from broadsheet.live.actions import publish_due_entries

        # A scheduled entry goes live (and its blog is purged) within a minute of its time.
        scheduling.register(publish_due_entries)
