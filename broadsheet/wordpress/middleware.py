"""Old WordPress addresses by query string, such as ``/?p=12`` and ``/?page_id=7``.

Wagtail's ``RedirectMiddleware`` looks for a redirect only when a page answers 404, and the
front page answers ``/?p=12`` with itself. The import stores these addresses as ordinary Wagtail
redirects (``broadsheet/wordpress/redirects.py``); this middleware answers them before the
front page does, and only for the query keys WordPress uses, so other requests cost nothing.
"""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

QUERY_KEYS = frozenset({"p", "page_id", "attachment_id", "cat", "tag", "author"})


class OldQueryRedirectMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/" and QUERY_KEYS.intersection(request.GET):
            path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                return HttpResponsePermanentRedirect(redirect.link)
        return self.get_response(request)
