from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running in production: ``broadsheet serve``, health checks, structured logs."""

    name = "broadsheet.ops"
    label = "ops"
    verbose_name = "Operations"
