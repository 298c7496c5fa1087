"""The purge task: one batch of targets per committed transaction, run by the worker."""

import logging
from urllib.parse import urlsplit

from django.tasks import task
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import get_backends

from broadsheet.freshness import purge_rules
from broadsheet.freshness.purge_rules import Scope, Target

logger = logging.getLogger("broadsheet.caching")

# For caches without BAN: how many pages of a listing (``?page=N``) to purge one by one.
LISTING_PAGES_WITHOUT_BAN = 5


# Readers wait for purges; search-index and reference-index tasks can wait for them.
PRIORITY = 50


@task(priority=PRIORITY)
def purge_targets(targets: list[dict[str, str]]) -> int:
    """Purge ``targets`` (``Target.as_dict()`` values) from every configured frontend cache.

    Caches that support BAN (``VarnishBackend``) get one BAN per listing or tree and one PURGE
    per exact URL; the others (``NginxBackend``, Wagtail's CDN backends) get the URLs the
    targets name (:func:`purge_rules.single_urls`). Returns how many URLs or bans were sent.
    """
    backends = get_backends()
    if not backends:
        return 0
    wanted = purge_rules.merge(Target.from_dict(item) for item in targets)
    banning = {name for name, backend in backends.items() if getattr(backend, "supports_ban", 0)}
    sent = 0
    for name in sorted(banning):
        sent += _ban_or_purge(backends[name], wanted)
    others = sorted(set(backends) - banning)
    if others:
        urls = purge_rules.single_urls(wanted, LISTING_PAGES_WITHOUT_BAN)
        # Run Wagtail's own purge in this task rather than queueing a second one.
        purge_urls_from_cache_task.call(urls, backends=others)
        sent += len(urls) * len(others)
    return sent


def _ban_or_purge(backend, targets: list[Target]) -> int:
    """One BAN per listing or tree, one batch of PURGEs for exact URLs, on hosts it serves."""
    mine = [t for t in targets if backend.invalidates_hostname(urlsplit(t.root_url).hostname)]
    for target in mine:
        if target.scope is not Scope.EXACT:
            backend.ban(target.root_url, purge_rules.ban_pattern(target))
    urls = purge_rules.single_urls([t for t in mine if t.scope is Scope.EXACT], 1)
    backend.purge_batch(urls)
    bans = len(mine) - len(urls)
    logger.info("Purged %d URL(s) and sent %d ban(s)", len(urls), bans)
    return len(mine)
