"""Purgers for the HTTP caches Broadsheet ships, as Wagtail frontend-cache backends.

Configured through ``WAGTAILFRONTENDCACHE`` (``BROADSHEET_PURGE_BACKEND`` and
``BROADSHEET_PURGE_URL``): :class:`VarnishBackend` for ``deploy/varnish/default.vcl`` (PURGE
one URL, or every object that named a surrogate key), :class:`NginxBackend` for nginx's
proxy_cache as set up in ``deploy/nginx/cache-front.conf`` (PURGE one stored copy at a time;
the URLs come from :mod:`broadsheet.caching.url_index`).
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


class VarnishBackend(HTTPBackend):
    """PURGE for single URLs (inherited), and by surrogate key through Varnish's ``xkey``."""

    supports_keys = True
    #: Keys per PURGE request: keeps the header well under Varnish's 8 KiB limit.
    KEYS_PER_REQUEST = 200

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
        self._send(request, url)

    def purge_keys(self, keys: Iterable[str]) -> bool:
        """Drop every stored object, on every host, whose response named one of ``keys``.

        Returns whether Varnish accepted every request; failures are logged, never raised,
        so one unreachable cache does not stop the purge of the others.
        """
        keys = sorted(set(keys))
        accepted = True
        for start in range(0, len(keys), self.KEYS_PER_REQUEST):
            chunk = " ".join(keys[start : start + self.KEYS_PER_REQUEST])
            request = PurgeRequest(
                url=f"{self.cache_scheme}://{self.cache_netloc}/",
                headers={"xkey-purge": chunk, "User-Agent": "Broadsheet-purger"},
            )
            accepted = self._send(request, f"keys {chunk}") and accepted
        return accepted

    @staticmethod
    def _send(request: Request, what: str) -> bool:
        try:
            with urlopen(request, timeout=TIMEOUT_SECONDS):  # noqa: S310 (configured LOCATION)
                return True
        except HTTPError as error:
            logger.error("Varnish refused PURGE %s: %s", what, error.code)
        except URLError as error:
            logger.error("Could not reach Varnish to PURGE %s: %s", what, error.reason)
        return False


class NginxBackend(HTTPBackend):
    """PURGE of single URLs for the nginx front; it cannot purge by key.

    nginx keys each stored copy by scheme, host, URL and encoding, and the purge module
    (Debian's ``libnginx-mod-http-cache-purge``) removes one key per request, computed from
    the PURGE request as from a reader's. So each URL takes one PURGE per copy: gzip and plain
    (``Accept-Encoding``), for https and, when the site's address is ``http://``, for http
    too (``X-Forwarded-Proto``): a site whose address in Wagtail says http may be read over
    https behind the TLS front. Without keys the purge task sends the URLs recorded under
    the purged keys (``broadsheet.caching.url_index``). All PURGEs of a batch share one
    connection.
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
