"""Keep the search index in step with what readers see.

Wagtail indexes a page in its ``post_save`` handler, which runs before the page's child rows
(tags, bylines) are written, so on publishing the index would hold the previous tags and
authors. Re-index after publishing, and re-index an author's articles when their name changes.
Both go through modelsearch's own task, so they follow the ``TASKS`` backend (inline, or the
worker's queue).
"""

from typing import Any

from django.db.models.signals import post_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.signals import page_published

from broadsheet.articles.models import ArticlePage, Author


def _reindex(article_ids: Any) -> None:
    for pk in article_ids:
        insert_or_update_object_task.enqueue("articles", "articlepage", str(pk))


def reindex_published_article(sender: type, instance: ArticlePage, **kwargs: Any) -> None:
    _reindex([instance.pk])


def reindex_author_articles(sender: type, instance: Author, **kwargs: Any) -> None:
    if kwargs.get("created") or kwargs.get("raw"):
        return
    ids = ArticlePage.objects.filter(article_authors__author=instance).values_list("pk", flat=True)
    _reindex(ids.distinct())


def connect() -> None:
    page_published.connect(reindex_published_article, sender=ArticlePage, dispatch_uid="bs-search")
    post_save.connect(reindex_author_articles, sender=Author, dispatch_uid="bs-author-search")
