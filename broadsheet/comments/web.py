"""HTTP details the comment views share: who is asking, from where, and may they post.

The article page is served to anonymous readers from a shared cache, so its comment form holds
no CSRF token. Posts from it are checked instead by their ``Origin`` header (``Referer`` when a
browser sends no Origin), which a cross-site page cannot forge, plus the form's signed timestamp.
Signed-in readers' pages are private, and their posts must also carry the CSRF token.
"""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware

from broadsheet.comments.text import hash_guest_key, hash_ip

GUEST_COOKIE = "broadsheet_commenter"
GUEST_COOKIE_SALT = "broadsheet.comments.guest-cookie"
# Only /comments/ URLs see the cookie: article pages stay cookie-free and cacheable.
GUEST_COOKIE_PATH = "/comments/"
GUEST_COOKIE_AGE = 365 * 24 * 3600
# What a post from a page of another site is told (CsrfViewMiddleware would answer 403 too).
FORBIDDEN = "This form was sent from another site, so it was refused."


def client_ip(request: HttpRequest) -> str:
    """The client address. Behind a proxy, set ``BROADSHEET_COMMENTS_IP_HEADER`` (a META key)."""
    header = getattr(settings, "BROADSHEET_COMMENTS_IP_HEADER", None)
    if header and request.META.get(header):
        # The last hop was added by our own proxy; earlier ones are the client's claim.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def ip_hash(request: HttpRequest) -> str:
    return hash_ip(client_ip(request))


def guest_key(request: HttpRequest) -> str:
    """The guest's random key from their signed cookie ('' when they have none)."""
    return request.get_signed_cookie(GUEST_COOKIE, default="", salt=GUEST_COOKIE_SALT) or ""


def guest_key_hash(request: HttpRequest) -> str:
    return hash_guest_key(guest_key(request))


def ensure_guest_key(request: HttpRequest) -> str:
    """The guest's key, creating one (remember to :func:`set_guest_cookie`) if needed."""
    key = guest_key(request)
    if not key:
        key = secrets.token_urlsafe(24)
        request._new_guest_key = key
    return key


def set_guest_cookie(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    key = getattr(request, "_new_guest_key", None)
    if key:
        response.set_signed_cookie(
            GUEST_COOKIE,
            key,
            salt=GUEST_COOKIE_SALT,
            max_age=GUEST_COOKIE_AGE,
            path=GUEST_COOKIE_PATH,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


def _allowed_origin(origin: str, request: HttpRequest) -> bool:
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.netloc == request.get_host():
        return True
    trusted = {o.rstrip("/") for o in settings.CSRF_TRUSTED_ORIGINS}
    return f"{parts.scheme}://{parts.netloc}" in trusted


def same_origin(request: HttpRequest) -> bool:
    """Whether a POST comes from one of our own pages, by ``Origin`` or else ``Referer``."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin != "null" and _allowed_origin(origin, request)
    referer = request.META.get("HTTP_REFERER")
    return bool(referer) and _allowed_origin(referer, request)


def csrf_token_ok(request: HttpRequest) -> bool:
    """Run Django's CSRF check (token and origin) on an exempt view, for signed-in readers."""
    check = CsrfViewMiddleware(lambda r: HttpResponse())
    check.process_request(request)
    return check.process_view(request, lambda r: None, (), {}) is None


def post_allowed(request: HttpRequest) -> bool:
    if not same_origin(request):
        return False
    if request.user.is_authenticated:
        return csrf_token_ok(request)
    return True


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")
