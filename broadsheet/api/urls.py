"""The content API, version 1, under ``/api/v1/``."""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from broadsheet.api import (
    article_routes,
    directory_routes,
    live_routes,
    write_routes,  # noqa: F401 - adds the writing operations
)

api = NinjaAPI(
    title="Broadsheet content API",
    version="1",
    description=(
        "Public, published content of the site: articles, sections, authors, tags, comments, "
        "live blogs and their entries, developing stories, and search. Lists are walked with "
        "opaque `next` cursors. See docs/api.md."
    ),
    urls_namespace="api-v1",
    docs_url="/reference",
)
api.add_router("", article_routes.router)
api.add_router("", directory_routes.router)
api.add_router("", live_routes.router)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError):
    message = str(exc)
    field, _, _ = message.partition(":") if ":" in message else (None, "", "")
    body = {"detail": message}
    if field:
        body["field"] = field
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError):
    first = exc.errors[0] if exc.errors else {}
    field = ".".join(str(part) for part in first.get("loc", ())[1:]) or None
    body = {"detail": first.get("msg", "invalid request"), "field": field, "errors": exc.errors}
    return api.create_response(request, body, status=422)


urlpatterns = api.urls[0]
app_name = "api-v1"
