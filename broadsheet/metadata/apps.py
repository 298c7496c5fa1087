from django.apps import AppConfig


class MetadataConfig(AppConfig):
    name = "broadsheet.metadata"
    label = "metadata"
    verbose_name = "Page metadata"
