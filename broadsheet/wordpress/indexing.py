"""Search and reference indexing once at the end of an import, instead of after every save.

Saving a page queues a search-index update (modelsearch's ``post_save`` receiver, and again on
publishing: ``broadsheet/site/signals.py``) and a reference-index update (Wagtail's). Inline,
they cost an import more than the pages themselves. :func:`deferred` disconnects them for the
duration of the import, then indexes every page it touched in batches.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from broadsheet.articles.models import ArticlePage
from broadsheet.site import signals as search_signals

BATCH = 10  # pages at once: long bodies are held in memory while a batch is indexed


@contextmanager
def deferred() -> Iterator[None]:
    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    page_published.disconnect(sender=ArticlePage, dispatch_uid="bs-search")
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
        search_signals.connect()


def index_pages(
    touched: dict[type, set[int]], progress: Callable[[int, int], None] | None = None
) -> None:
    """Index ``touched`` (model → primary keys) for search and for Wagtail's references,
    telling ``progress`` the pages done and the total after each batch."""
    total, done = sum(len(pks) for pks in touched.values()), 0
    for model, pks in touched.items():
        ordered = sorted(pks)
        for start in range(0, len(ordered), BATCH):
            # With what the index reads of related rows (tags, bylines) fetched per batch.
            chosen = model.get_indexed_objects().filter(pk__in=ordered[start : start + BATCH])
            if model is ArticlePage:  # the bylines' authors, which that leaves a query each
                chosen = chosen.prefetch_related("article_authors__author")
            objects = list(chosen)
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
            for instance in objects:
                ReferenceIndex.create_or_update_for_object(instance)
            done += len(ordered[start : start + BATCH])
            if progress is not None:
                progress(done, total)
