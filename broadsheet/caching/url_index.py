"""Which URLs named which surrogate keys: key purging for caches that purge single URLs.

Varnish (with ``xkey``) purges by key itself. The nginx front and most CDNs can only drop one
URL at a time, so when one of them is configured (``BROADSHEET_CACHING["URL_INDEX"]``, set by
the settings with ``BROADSHEET_PURGE_BACKEND=nginx``) every shareable response the app
server renders records its URL under each key it named, and purging keys means purging
the URLs recorded under them (:func:`take`). The index learns exactly the URLs the cache
can hold, pages of listings and sort orders included, since the cache stores only what the
app server rendered.

One upsert per rendered response (cache hits never reach the app server). A write that
fails (the database gone for a moment) loses that URL's entry: the page is still served and
expires after ``s-maxage``. Rows are removed when their keys are purged, and rows older
than the longest time a cache may keep a page are removed with them.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone

from broadsheet.caching.models import CachedUrl

logger = logging.getLogger("broadsheet.caching")

#: Longer than any cache keeps a page (s-maxage plus stale-if-error, by default).
KEEP_FOR = timedelta(days=2)


def record(url: str, keys: Iterable[str]) -> None:
    """Remember that ``url`` (absolute) was served naming ``keys``."""
    now = timezone.now()
    rows = [CachedUrl(key=key[:200], url=url[:2000], seen=now) for key in sorted(set(keys))]
    try:
        CachedUrl.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["key", "url"], update_fields=["seen"]
        )
    except DatabaseError as error:
        logger.warning("Could not record %s for purging: %s", url, error)


def take(keys: Iterable[str]) -> list[str]:
    """The URLs recorded under any of ``keys``, forgotten now (they are being purged)."""
    keys = sorted(set(keys))
    stored = CachedUrl.objects.filter(key__in=keys)
    urls = sorted(set(stored.values_list("url", flat=True)))
    # The URLs go out of the cache: every row naming them may go, under whatever key.
    CachedUrl.objects.filter(url__in=stored.values("url")).delete()
    CachedUrl.objects.filter(seen__lt=timezone.now() - KEEP_FOR).delete()
    return urls
