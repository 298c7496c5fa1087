"""Cache-Control for an HTTP cache in front of the site, plus ETag and conditional GETs.

A response may be stored by a shared cache (Varnish, a CDN) only when it is the same for every
reader who could receive it. The rule, checked on every response:

* the request is a GET or HEAD outside the private paths (admin, accounts, health checks…),
  is not a preview, and comes from nobody signed in;
* the request carried no cookie except ignorable ones (the CSRF cookie, analytics cookies):
  a session or messages cookie may change what the page says;
* the response sets no cookie, did not opt out itself (``private``/``no-store``), and has a
  status worth sharing (200, 404, 410).

Shareable responses name what they show in a ``Surrogate-Key`` header (see ``keys.py``) and
get ``public, max-age=0, s-maxage=…, stale-while-revalidate=…, stale-if-error=…``: browsers
revalidate every time, the shared cache keeps the page until one of its keys is purged
(``broadsheet.freshness``) or ``s-maxage`` passes. Everything else gets ``private, no-store``.
Every GET 200 gets an ETag, and a matching ``If-None-Match`` (or ``If-Modified-Since`` when
the response has a Last-Modified) is answered with 304. A page with
the comment form gets a weak ETag computed without the form's signed timestamp, which changes
every second but not what the page says (the page script fetches a fresh one anyway).

Put this middleware right after ``SecurityMiddleware`` (and WhiteNoise), before the session,
CSRF and messages middleware, so it sees the cookies they add. The VCL in ``deploy/varnish``
mirrors the same rules; change both together.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import md5

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import parse_http_date_safe
from wagtail.models import Site

from broadsheet.caching import edge, fragments, keys, lifetime, url_index
from broadsheet.core.models import SiteSettings

SAFE_METHODS = frozenset({"GET", "HEAD"})
# The comment form's signed timestamp (comments/form.html): different on every render, the
# same page for the reader.
VOLATILE = re.compile(rb'(<input type="hidden" name="token" value=")[^"]*"')
SHAREABLE_STATUSES = frozenset({200, 404, 410})

DEFAULTS = {
    "S_MAXAGE": 600,
    "STALE_WHILE_REVALIDATE": 30,
    "STALE_IF_ERROR": 86400,
    "PRIVATE_PATHS": ["/admin/", "/accounts/", "/documents/", "/healthz", "/readyz"],
    # Cookies that never change a page: the CSRF cookie (pages shared by a cache carry no
    # token) and common analytics cookies. deploy/varnish/default.vcl strips the same ones.
    "IGNORED_COOKIES": r"^(csrftoken|_ga.*|_gid|_gat.*|_pk_.*|__utm.*|_fbp)$",
    # Remember which URLs named which surrogate keys, for caches that purge single URLs
    # (broadsheet.caching.url_index); settings turn it on with such a cache.
    "URL_INDEX": False,
}


@dataclass(frozen=True)
class CachePolicy:
    s_maxage: int
    stale_while_revalidate: int
    stale_if_error: int
    private_paths: tuple[str, ...]
    ignored_cookies: re.Pattern
    url_index: bool

    @classmethod
    def from_settings(cls) -> "CachePolicy":
        conf = {**DEFAULTS, **getattr(settings, "BROADSHEET_CACHING", {})}
        return cls(
            s_maxage=int(conf["S_MAXAGE"]),
            stale_while_revalidate=int(conf["STALE_WHILE_REVALIDATE"]),
            stale_if_error=int(conf["STALE_IF_ERROR"]),
            private_paths=tuple(conf["PRIVATE_PATHS"]),
            ignored_cookies=re.compile(conf["IGNORED_COOKIES"]),
            url_index=bool(conf["URL_INDEX"]),
        )

    def is_shareable(self, request: HttpRequest, response: HttpResponse) -> bool:
        """True when every reader sending this request would get this response."""
        return (
            request.method in SAFE_METHODS
            and response.status_code in SHAREABLE_STATUSES
            and not request.path.startswith(self.private_paths)
            and not getattr(request, "is_preview", False)
            and not self.has_reader_cookies(request)
            and not _is_signed_in(request)
            and not response.cookies
            and not _opted_out(response)
        )

    def has_reader_cookies(self, request: HttpRequest) -> bool:
        return any(not self.ignored_cookies.match(name) for name in request.COOKIES)


class SharedCacheMiddleware:
    """Mark responses public (shared-cacheable) or ``private, no-store``; answer 304s."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = CachePolicy.from_settings()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with keys.collecting() as shown:
            response = self.get_response(request)
        edge.mark(request, response)
        if not self.policy.is_shareable(request, response):
            _make_private(response)
            return response
        shown.add(keys.SITE)
        if response.status_code != 200:
            # What is not there (yet, or any more) may appear with any publication.
            shown.add(keys.MISSING)
        response[keys.HEADER] = keys.header_value(shown)
        if self.policy.url_index:
            url_index.record(request.build_absolute_uri(), shown)
        if "Cache-Control" not in response:
            # A part that runs out sooner (an expiring banner) shortens the page's life.
            limit = lifetime.at_most(request)
            s_maxage = self.policy.s_maxage if limit is None else min(limit, self.policy.s_maxage)
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=s_maxage,
                stale_while_revalidate=self.policy.stale_while_revalidate,
                stale_if_error=self.policy.stale_if_error,
            )
        return _conditional(request, response)


def _is_signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _opted_out(response: HttpResponse) -> bool:
    directives = response.get("Cache-Control", "").lower()
    return "private" in directives or "no-store" in directives


def _make_private(response: HttpResponse) -> None:
    # Replace, not patch: a view's own "public" must not survive for a signed-in reader.
    response.headers.pop("Cache-Control", None)
    patch_cache_control(response, private=True, no_store=True)


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Add an ETag to a 200 and answer a matching conditional GET with 304 (as Django's
    ConditionalGetMiddleware does, for shareable responses only)."""
    if request.method not in SAFE_METHODS or response.status_code != 200:
        return response
    if edge.used(request):
        return response  # the cache assembles it: no validator describes what readers get
    if not response.streaming and not response.has_header("ETag"):
        if VOLATILE.search(response.content):
            digest = md5(VOLATILE.sub(rb'\1"', response.content), usedforsecurity=False)
            response["ETag"] = f'W/"{digest.hexdigest()}"'
        else:
            set_response_etag(response)
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified")),
        response=response,
    )


#: Paths whose generation hints a process keeps (then it starts again).
HINTS_MAX = 10_000
_generations_hint: dict[str, tuple[str, ...]] = {}


class RememberingMiddleware:
    """Read the generations a path needs in one query, then find the site, its settings and
    the sites' root paths from what this process remembers.

    See :mod:`broadsheet.caching.fragments`. Goes right before ``SiteTimezoneMiddleware``
    (which, like every later ``Site.find_for_request`` and ``SiteSettings.for_request``, then
    finds both on the request). Skipped for the admin, whose lookups read the generations
    themselves.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/") or fragments.timeout() <= 0:
            return self.get_response(request)
        # With the content's, read the generations this path needed last time (an article's
        # comments'), so the page reads them all in this one query.
        hint = _generations_hint.get(request.path, ())
        with fragments.reading(request):
            fragments.generations(request, [fragments.CONTENT, *hint])
            response = self._remembering(request)
        used = tuple(
            sorted(request.__dict__.get("_broadsheet_generations", {}).keys() - {fragments.CONTENT})
        )
        if used != hint:
            if len(_generations_hint) >= HINTS_MAX:
                _generations_hint.clear()
            _generations_hint[request.path] = used
        return response

    def _remembering(self, request: HttpRequest) -> HttpResponse:
        # Wagtail's own key: the host (CommonMiddleware, before this one, has checked it
        # against ALLOWED_HOSTS) and the port.
        host = split_domain_port(request.get_host())[0]
        site = fragments.remember(
            "site", [host, request.get_port()], lambda: Site.find_for_request(request)
        )
        request._wagtail_site = site
        # Every page link needs the sites' root paths; Wagtail reads them from the cache.
        request._wagtail_cached_site_root_paths = fragments.remember(
            "site-root-paths", [], Site.get_site_root_paths
        )
        if site is not None:
            site_settings = fragments.remember(
                "site-settings", [site.pk], lambda: SiteSettings.for_site(site)
            )
            site_settings._request = request  # as SiteSettings.for_request does
            setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
        return self.get_response(request)
