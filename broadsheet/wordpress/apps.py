from django.apps import AppConfig


class WordPressConfig(AppConfig):
    name = "broadsheet.wordpress"
    label = "wordpress"
    verbose_name = "WordPress import"
