"""Everything under ``/api/`` passes here: the API key, the rate limit, CORS.

* A key comes as ``Authorization: Bearer <key>`` (or ``X-Api-Key``); an unknown or inactive
  key is 401, never quietly anonymous. The key is ``request.api_key`` for the views.
* Each request counts against its key's limit, or its address's without one; over the limit
  is 429 with ``Retry-After``. Responses to a key carry ``RateLimit-Limit``, ``-Remaining``
  and ``-Reset`` and are private (they count one client's requests, and may show its drafts);
  anonymous responses may be kept by the shared cache, so they carry only the constant
  ``RateLimit-Policy``, never a count that the cache would hand to others.
* CORS: anonymous reads are open to every origin (public content), said on every anonymous
  answer, since the shared cache gives it to clients with and without an ``Origin``; a key's
  responses go only to the origins listed on the key. Preflights (which carry no key) are
  answered here.

Goes after ``AuthenticationMiddleware``, inside ``SharedCacheMiddleware``.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from broadsheet.api import limits
from broadsheet.api.models import find
from broadsheet.comments.web import client_ip

PREFIX = "/api/"
ALLOWED_HEADERS = "Authorization, X-Api-Key, Content-Type, If-None-Match"
EXPOSED_HEADERS = "ETag, RateLimit-Policy, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset"


def _key_in(request: HttpRequest) -> str:
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("X-Api-Key", "").strip()


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            return _preflight(request)
        raw = _key_in(request)
        request.api_key = find(raw) if raw else None
        if raw and request.api_key is None:
            return _private(
                JsonResponse(
                    {"detail": "unknown or inactive API key", "field": "Authorization"},
                    status=401,
                )
            )
        key = request.api_key
        if key is not None:
            allowance = limits.count(f"key:{key.lookup}", key.per_minute)
        else:
            allowance = limits.count(f"ip:{client_ip(request)}", limits.anonymous_limit())
        if allowance.exceeded:
            response = JsonResponse({"detail": "too many requests"}, status=429)
            response["Retry-After"] = str(allowance.reset)
            _headers(response, allowance.headers())
            return _cors(request, _private(response))
        response = self.get_response(request)
        if key is None:
            response["RateLimit-Policy"] = allowance.headers()["RateLimit-Policy"]
        else:
            _headers(response, allowance.headers())
            _private(response)
        return _cors(request, response)


def _headers(response: HttpResponse, headers: dict[str, str]) -> None:
    for name, value in headers.items():
        response[name] = value


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True)
    return response


def _cors(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    key = getattr(request, "api_key", None)
    if key is None:
        # Whether or not this request came from a page: the shared cache hands the same
        # answer to the next client, which may be a browser on any site.
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
    origin = request.headers.get("Origin")
    if not origin:
        return response
    if key.allows_origin(origin):
        response["Access-Control-Allow-Origin"] = origin
        patch_vary_headers(response, ["Origin"])
    response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response


def _preflight(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(status=204)
    response["Allow"] = "GET, HEAD, OPTIONS, POST, PATCH"
    if request.headers.get("Origin"):
        # A preflight carries no key: the real response says whether its origin may read it.
        response["Access-Control-Allow-Origin"] = request.headers["Origin"]
        response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS, POST, PATCH"
        response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response["Access-Control-Max-Age"] = "86400"
        patch_vary_headers(response, ["Origin"])
    return _private(response)
