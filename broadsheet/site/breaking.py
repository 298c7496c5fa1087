"""The breaking news banner: set, taken down, and shown on every page, cached ones included.

Pages are cached for minutes to hours; a banner must appear within seconds and go at its
expiry, and replacing one with the next (a story moving on) must not purge the whole site.
So, while a banner runs, a page does not carry it where the cache in front can assemble
pages: it carries an edge include of ``/breaking/`` (:mod:`broadsheet.caching.edge`), a small
answer naming only :data:`KEY`, which the cache keeps no longer than the banner runs. While
none runs, pages carry nothing, and the cache sends each as stored, with no assembling.

What each change purges (``broadsheet.freshness``): setting a banner, :data:`KEY`: the
``/breaking/`` answer and every page that showed no banner (they name the key), or, when one
was running, only the answer, since the pages in the cache already include it. Ending one
(taken down or deleted) purges :data:`INCLUDED` as well, the pages that include it, so that
they go back to carrying nothing. At its expiry nothing is purged: the answer, and every page
showing it, is kept no longer than the banner runs (:mod:`broadsheet.caching.lifetime`).

Without such a cache (the embedded site, the nginx front) pages render the banner inline and
name :data:`KEY`: every change purges them. The banner is remembered per process until one
changes (:data:`GENERATION`).
"""

from datetime import datetime

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from broadsheet.caching import fragments
from broadsheet.site.models import BreakingNews

#: The surrogate key of what the banner shows: its own answer (``/breaking/``), and pages
#: rendered with the banner inline or with none running.
KEY = "breaking"
#: The surrogate key of pages carrying the banner's edge include.
INCLUDED = "breaking-included"
#: The generation of the remembered banner; moved whenever a banner is set or ended.
GENERATION = "breaking"


def running(site_id: int, *, request: HttpRequest | None = None) -> BreakingNews | None:
    """The banner the site shows now, if any."""
    banner = fragments.remember(
        "breaking-news",
        [site_id],
        lambda: BreakingNews.objects.filter(site_id=site_id).running().first(),
        request=request,
        depends_on=[GENERATION],
    )
    # Remembered until it changes, not until it expires: expiry is checked on every use.
    if banner is not None and not banner.running_at(timezone.now()):
        return None
    return banner


@transaction.atomic
def set_banner(
    site_id: int,
    *,
    text: str,
    link: str = "",
    expires_at: datetime | None = None,
    article_id: int | None = None,
    user=None,
) -> BreakingNews:
    """Run a new banner on the site, ending the one before (validated like the admin form)."""
    now = timezone.now()
    BreakingNews.objects.filter(site_id=site_id, ended_at__isnull=True).update(ended_at=now)
    banner = BreakingNews(
        site_id=site_id,
        text=text.strip(),
        link=link.strip(),
        expires_at=expires_at,
        article_id=article_id,
        created_by=user if user is not None and user.is_authenticated else None,
        created_at=now,
    )
    banner.full_clean()
    banner.save()
    return banner


@transaction.atomic
def take_down(site_id: int) -> int:
    """End the site's running banner; how many were ended (0 or 1)."""
    ended = BreakingNews.objects.filter(site_id=site_id, ended_at__isnull=True)
    # Saved one by one so that every change sends post_save (freshness purges on it).
    count = 0
    for banner in ended.select_for_update():
        banner.ended_at = timezone.now()
        banner.save(update_fields=["ended_at"])
        count += 1
    return count


def seconds_left(banner: BreakingNews | None, *, now: datetime | None = None) -> int | None:
    """How long an answer showing ``banner`` may be kept: until its expiry, or unbounded."""
    if banner is None or banner.expires_at is None:
        return None
    return max(0, int((banner.expires_at - (now or timezone.now())).total_seconds()))
