"""Varnish purger: Wagtail's HTTP backend (PURGE one URL) plus BAN by URL pattern.

Configured through ``WAGTAILFRONTENDCACHE`` like any Wagtail frontend-cache backend; the VCL
that answers both methods is ``deploy/varnish/default.vcl``.
"""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest

logger = logging.getLogger("broadsheet.caching")

TIMEOUT_SECONDS = 5


class BanRequest(Request):
    def get_method(self) -> str:
        return "BAN"


class VarnishBackend(HTTPBackend):
    """PURGE for single URLs (inherited), BAN for a site's URLs matching a pattern."""

    supports_ban = True

    def purge(self, url: str) -> None:
        """PURGE one URL, naming its scheme: the VCL keeps http and https answers apart
        (``X-Forwarded-Proto`` is part of the cache key), so a PURGE without it would leave
        the https copy, which is what readers get."""
        parts = urlsplit(url)
        request = PurgeRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, "")),
            headers={
                "Host": parts.netloc,
                "X-Forwarded-Proto": parts.scheme or "http",
                "User-Agent": "Broadsheet-purger",
            },
        )
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310 (configured LOCATION)
                pass
        except HTTPError as error:
            logger.error("Varnish refused PURGE %s: %s", url, error.code)
        except URLError as error:
            logger.error("Could not reach Varnish to PURGE %s: %s", url, error.reason)

    def ban(self, root_url: str, pattern: str) -> bool:
        """Invalidate every object of ``root_url``'s host whose URL matches ``pattern``.

        Returns whether Varnish accepted the ban; failures are logged, never raised, so one
        unreachable cache does not stop the purge of the others.
        """
        request = BanRequest(
            url=f"{self.cache_scheme}://{self.cache_netloc}/",
            headers={"Host": urlsplit(root_url).netloc, "X-Ban-Url": pattern},
        )
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310 (configured LOCATION)
                return True
        except HTTPError as error:
            logger.error("Varnish refused BAN %s on %s: %s", pattern, root_url, error.code)
        except URLError as error:
            logger.error("Could not reach Varnish to BAN %s: %s", pattern, error.reason)
        return False
