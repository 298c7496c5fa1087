"""Show dates in the time zone each site chose in its settings."""

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from wagtail.models import Site

from broadsheet.core.models import SiteSettings


class SiteTimezoneMiddleware:
    """Activate the current site's time zone for the request.

    Skipped for the admin, which uses each editor's own time zone preference.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/"):
            return self.get_response(request)
        site = Site.find_for_request(request)
        if site is not None:
            settings = SiteSettings.for_request(request)
            timezone.activate(zoneinfo.ZoneInfo(settings.time_zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
