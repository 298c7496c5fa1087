from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "broadsheet.wire"
    label = "wire"
    verbose_name = "Wire desk"

    def ready(self) -> None:
        from broadsheet.core import scheduling
        from broadsheet.wire.polling import poll_due_sources

        # `broadsheet worker` polls every source that is due once a minute.
        scheduling.register(poll_due_sources)
