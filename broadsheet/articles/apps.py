from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "broadsheet.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from broadsheet.articles import signals  # noqa: F401  (connects the receivers)
