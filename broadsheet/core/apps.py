from django.apps import AppConfig
from django.db.backends.signals import connection_created

from broadsheet.core import database


class CoreConfig(AppConfig):
    name = "broadsheet.core"
    label = "core"
    verbose_name = "Broadsheet core"

    def ready(self) -> None:
        # A new connection ends an outage this process noticed (logged once, see database.py).
        connection_created.connect(database.connection_opened, dispatch_uid="broadsheet-outage")
