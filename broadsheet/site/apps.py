from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "broadsheet.site"
    label = "broadsheet_site"
