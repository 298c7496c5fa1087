"""Search and reference indexing once at the end of an import, instead of after every save.

Saving a page queues a search-index update (modelsearch's ``post_save`` receiver, and again on
publishing: ``broadsheet/site/signals.py``) and a reference-index update (Wagtail's). Inline,
they cost an import more than the pages themselves. :func:`deferred` disconnects them for the
duration of the import, then indexes every page it touched in batches.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models import TextField
from django.db.models.functions import Cast, Length
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from broadsheet.articles.models import ArticlePage
from broadsheet.site import signals as search_signals

#: Pages indexed at once, and the most body text a batch holds: while a batch is indexed its
#: pages, their blocks and their search documents are all in memory, so a batch of long
#: bodies is cut short (50 pages of 40 KB bodies took an import's peak over 250 MB).
BATCH = 50
BATCH_BODY_BYTES = 1_000_000


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
        for chunk in _batches(model, pks):
            # With what the index reads of related rows (tags, bylines) fetched per batch.
            chosen = model.get_indexed_objects().filter(pk__in=chunk)
            if model is ArticlePage:  # the bylines' authors, which that leaves a query each
                chosen = chosen.prefetch_related("article_authors__author")
            objects = list(chosen)
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
            for instance in objects:
                ReferenceIndex.create_or_update_for_object(instance)
            done += len(chunk)
            if progress is not None:
                progress(done, total)


def _batches(model: type, pks: set[int]) -> Iterator[list[int]]:
    """``pks`` in order, in batches of at most :data:`BATCH` pages and, for pages with a
    body, at most :data:`BATCH_BODY_BYTES` of it (a longer body alone is a batch)."""
    ordered = sorted(pks)
    if not any(field.name == "body" for field in model._meta.get_fields()):
        sizes = dict.fromkeys(ordered, 0)
    else:
        sizes = {}
        for start in range(0, len(ordered), 1000):
            sizes.update(
                model.objects.filter(pk__in=ordered[start : start + 1000])
                .annotate(size=Length(Cast("body", TextField())))
                .values_list("pk", "size")
            )
    batch, held = [], 0
    for pk in ordered:
        size = sizes.get(pk) or 0
        if batch and (len(batch) >= BATCH or held + size > BATCH_BODY_BYTES):
            yield batch
            batch, held = [], 0
        batch.append(pk)
        held += size
    if batch:
        yield batch
