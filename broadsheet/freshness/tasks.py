"""The purge task: one batch of surrogate keys per committed transaction, run by the worker."""

import logging

from django.tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import get_backends

from broadsheet.caching import url_index

logger = logging.getLogger("broadsheet.caching")

# Readers wait for purges; search-index and reference-index tasks can wait for them.
PRIORITY = 50


@task(priority=PRIORITY)
def purge_keys(keys: list[str]) -> int:
    """Purge every page that named one of ``keys`` from every configured frontend cache.

    Caches that purge by key (``VarnishBackend``) get the keys; the others (``NginxBackend``,
    Wagtail's CDN backends) get the URLs recorded under them
    (:mod:`broadsheet.caching.url_index`). Returns how many keys or URLs were sent.
    """
    backends = get_backends()
    if not backends or not keys:
        return 0
    by_key = {name for name, backend in backends.items() if getattr(backend, "supports_keys", 0)}
    sent = 0
    for name in sorted(by_key):
        backends[name].purge_keys(keys)
        sent += len(keys)
    others = sorted(set(backends) - by_key)
    if others:
        urls = url_index.take(keys)
        if urls:
            # Run Wagtail's own purge in this task rather than queueing a second one.
            purge_urls_from_cache_task.call(urls, backends=others)
        sent += len(urls) * len(others)
    logger.info("Purged %d key(s): %s", len(keys), " ".join(keys[:20]))
    return sent
