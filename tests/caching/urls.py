"""Views for the cache-header tests: responses whose shape the site's own pages do not have."""

from datetime import UTC, datetime

from django.http import HttpResponse
from django.urls import include, path
from django.utils.http import http_date

LAST_CHANGE = datetime(2025, 12, 6, 9, 30, tzinfo=UTC)


def sets_a_cookie(request):
    response = HttpResponse("Hello, reader.")
    response.set_cookie("remembered_name", "Ada")
    return response


def knows_its_age(request):
    response = HttpResponse("The tide table for Brennock.")
    response["Last-Modified"] = http_date(LAST_CHANGE.timestamp())
    return response


urlpatterns = [
    path("cookie/", sets_a_cookie),
    path("tides/", knows_its_age),
    path("", include("broadsheet.urls")),
]
