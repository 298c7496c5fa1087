"""Purgers for the HTTP caches Broadsheet ships, as Wagtail frontend-cache backends.

Configured through ``WAGTAILFRONTENDCACHE`` (``BROADSHEET_PURGE_BACKEND`` and
``BROADSHEET_PURGE_URL``): :class:`VarnishBackend` for ``deploy/varnish/default.vcl`` (PURGE
one URL, BAN a pattern), :class:`NginxBackend` for nginx's proxy_cache as set up in
``deploy/nginx/cache-front.conf`` (PURGE one stored copy at a time, no BAN).
"""

import http.client
import logging
from collections.abc import Iterable
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


class NginxBackend(HTTPBackend):
    """PURGE of single URLs for the nginx front; it cannot ban.

    nginx keys each stored copy by scheme, host, URL and encoding, and the purge module
    (Debian's ``libnginx-mod-http-cache-purge``) removes one key per request, computed from
    the PURGE request as from a reader's. So each URL takes one PURGE per copy: gzip and plain
    (``Accept-Encoding``), for https and, when the site's address is ``http://``, for http
    too (``X-Forwarded-Proto``): a site whose address in Wagtail says http may be read over
    https behind the TLS front. Without BAN the purge task sends the URLs the targets name
    (``purge_rules.single_urls``). All PURGEs of a batch share one connection.
    """

    ENCODINGS = ("gzip", "identity")

    def purge(self, url: str) -> None:
        self.purge_batch([url])

    def purge_batch(self, urls: Iterable[str]) -> None:
        """PURGE every stored copy of ``urls``; 404 means that copy was not stored.

        Failures are logged, never raised: an unreachable nginx loses this batch (its pages
        then expire after ``s-maxage``), not the purges of the other caches.
        """
        connection_class = (
            http.client.HTTPSConnection
            if self.cache_scheme == "https"
            else http.client.HTTPConnection
        )
        connection = connection_class(self.cache_netloc, timeout=TIMEOUT_SECONDS)
        answers: dict[int, int] = {}
        try:
            for url in urls:
                for headers in self.copies(url):
                    status = self._send(connection, url, headers)
                    answers[status] = answers.get(status, 0) + 1
        except (OSError, http.client.HTTPException) as error:
            logger.error("Could not reach nginx at %s to PURGE: %s", self.cache_netloc, error)
            return
        finally:
            connection.close()
        refused = sum(n for status, n in answers.items() if status not in (200, 404))
        if refused:
            logger.error("nginx refused %d PURGE(s): %s", refused, sorted(answers))
        logger.info("nginx purged %d stored copies", answers.get(200, 0))

    def copies(self, url: str) -> list[dict[str, str]]:
        """The headers of one PURGE per stored copy of ``url``."""
        parts = urlsplit(url)
        schemes = ["https"] if parts.scheme == "https" else ["https", "http"]
        return [
            {
                "Host": parts.netloc,
                "X-Forwarded-Proto": scheme,
                "Accept-Encoding": encoding,
                "User-Agent": "Broadsheet-purger",
            }
            for scheme in schemes
            for encoding in self.ENCODINGS
        ]

    @staticmethod
    def _send(connection: http.client.HTTPConnection, url: str, headers: dict[str, str]) -> int:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        try:
            return _request(connection, "PURGE", target, headers)
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # nginx closed the kept-alive connection between two PURGEs: open another.
            connection.close()
            return _request(connection, "PURGE", target, headers)


def _request(
    connection: http.client.HTTPConnection, method: str, target: str, headers: dict[str, str]
) -> int:
    connection.request(method, target, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status
