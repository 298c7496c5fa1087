"""Which HTTP methods the site answers, decided in one place before anything else runs.

Reader pages, feeds, sitemaps, search and the health checks answer GET and HEAD; the paths
with forms (comments, reader accounts, Wagtail's password prompts for private pages and
documents) take POST as well; the admin decides for itself. Any other method gets 405 with an
``Allow`` header here, before the CSRF check would answer 403 to a PUT or DELETE and before a
view that never looks at the method (Wagtail's page serving, the search view) answers 200 to a
TRACE. OPTIONS is answered here too: 200, no body, ``Allow``, as Django's class-based views
answer it.

HEAD is GET without the body (RFC 9110 §9.3.2), so a HEAD request goes on as a GET: every
view that answers GET answers HEAD with the same status and headers (``Content-Length``,
ETag, Cache-Control), including views that accept only GET (the feeds' ``require_GET``).
The body is dropped here rather than by gunicorn, which logged a warning for every HEAD
request whose application still sent one.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.utils.cache import patch_cache_control

READING = ("GET", "HEAD", "OPTIONS")
POSTING = ("GET", "HEAD", "OPTIONS", "POST")
#: Paths whose views take POSTs (each view still checks the method it wants).
POSTING_PATHS = ("/comments/", "/accounts/", "/_util/", "/documents/", "/subscriptions/")
#: Paths whose views answer every method themselves.
OWN_PATHS = ("/admin/", "/api/")


def allowed_methods(path: str) -> tuple[str, ...] | None:
    """The methods ``path`` answers, or ``None`` when its views decide for themselves."""
    if path.startswith(OWN_PATHS):
        return None
    return POSTING if path.startswith(POSTING_PATHS) else READING


class AllowedMethodsMiddleware:
    """405 for a method the path does not take, OPTIONS answered, HEAD served as GET.

    First in ``MIDDLEWARE``: before the health checks (a HEAD probe gets no body either) and
    before ``CsrfViewMiddleware``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        allowed = allowed_methods(request.path_info)
        if allowed is not None and request.method not in allowed:
            return _private(HttpResponseNotAllowed(allowed))
        if allowed is not None and request.method == "OPTIONS":
            response = HttpResponse(status=200)
            response["Allow"] = ", ".join(allowed)
            response["Content-Length"] = "0"
            return _private(response)
        if request.method != "HEAD":
            return self.get_response(request)
        request.method = "GET"
        try:
            response = self.get_response(request)
        finally:
            request.method = "HEAD"
        return _without_body(response)


def _private(response: HttpResponse) -> HttpResponse:
    # Answered before SharedCacheMiddleware, which marks everything it does not share so; a
    # 405 is cacheable by default (RFC 9110 §15.5.6).
    patch_cache_control(response, private=True, no_store=True)
    return response


def _without_body(response: HttpResponseBase) -> HttpResponseBase:
    """The response to a GET, as the answer to a HEAD: same headers, no body."""
    if response.streaming:
        # The original iterator (a file, a generator) is still closed with the response.
        response.streaming_content = []
    else:
        if not response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        response.content = b""
    return response
