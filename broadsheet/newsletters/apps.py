from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "broadsheet.newsletters"
    label = "newsletters"
    verbose_name = "Newsletters"

    def ready(self) -> None:
        from broadsheet.core import privacy, scheduling
        from broadsheet.newsletters import actions
        from broadsheet.newsletters.sending import minute_job

        # `broadsheet worker` builds due editions, sends queued deliveries and reads bounces.
        scheduling.register(minute_job)
        privacy.register(
            "newsletters", export=actions.export_subscriber, erase=actions.erase_subscriber
        )
