"""What a reader gets when a request fails: 503 while the database is unreachable, else 500;
413 for a body over the upload limit.

``handler500`` in ``broadsheet/urls.py``. Django calls it for an exception raised by a view
or by any middleware (each middleware layer is wrapped so that an exception becomes this
handler's response before the next layer out sees it; a middleware's own ``try`` never sees
one), while the exception is still being handled, so :func:`server_error` can tell a lost
database (``broadsheet.core.database``) from a bug:

* **Database unreachable**: ``503 Service Unavailable`` with ``Retry-After``, because trying
  again shortly will work. Browsers get ``503.html``, rendered without a request or context
  processors (nothing in it touches the database); clients that prefer JSON get
  ``{"ok": false, "status": 503, "message": …}``, the shape of the comment endpoints' answers
  and of Varnish's own 503, whose message the comment form shows. The outage is logged once
  per process and database, not with a traceback per request. Varnish, seeing a 5xx, serves
  the stale copies it holds.
* **Anything else**: 500 with the traceback logged, as Django does; JSON clients get JSON.

``handler400`` (:func:`bad_request`) answers a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` with
413, as Varnish and nginx do before it reaches an app server, in JSON for JSON clients (the
comment form shows the message); other bad requests keep Django's 400.

None is ever cached.
"""

import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views import defaults

from broadsheet.core import database
from broadsheet.ops.logging import already_logged

#: Seconds a client is asked to wait before trying again; as Varnish asks when no app server
#: answers (deploy/varnish/unavailable.vcl).
RETRY_AFTER = 30

UNAVAILABLE_MESSAGE = (
    "The site is briefly unavailable and could not do this. Please try again in a moment."
)
ERROR_MESSAGE = "Something went wrong on our side. It has been logged; please try again later."
TOO_LARGE_MESSAGE = "This is too large to send: at most {limit}. Please shorten it and try again."


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """``handler400``: 413 for a body over the upload limit, Django's 400 for anything else."""
    if not isinstance(exception, RequestDataTooBig):
        return defaults.bad_request(request, exception)
    limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    message = TOO_LARGE_MESSAGE.format(limit=limit)
    if _wants_json(request):
        response = JsonResponse({"ok": False, "status": 413, "message": message}, status=413)
    else:
        response = HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
    return _uncached(response)


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: 503 for an unreachable database, Django's 500 for anything else."""
    if database.note_if_unreachable(sys.exception()):
        response = _unavailable(request)
        # Logged once per outage by note_if_unreachable(), not with a traceback per request.
        already_logged(request)
        return response
    if _wants_json(request):
        response = JsonResponse({"ok": False, "status": 500, "message": ERROR_MESSAGE}, status=500)
    else:
        response = defaults.server_error(request)
    return _uncached(response)


def _unavailable(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        body = {"ok": False, "status": 503, "message": UNAVAILABLE_MESSAGE}
        response = JsonResponse(body, status=503)
    else:
        page = render_to_string("503.html", {"retry_after": RETRY_AFTER})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return _uncached(response)


def _wants_json(request: HttpRequest) -> bool:
    # Browsers list text/html first; no Accept header (curl, feed readers) means anything.
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def _uncached(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    return response
