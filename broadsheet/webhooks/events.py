"""The events subscriptions may choose, and how each one's payload is built.

One entry per event: its name (what receivers see in ``event`` and the ``Broadsheet-Event``
header), a label for the admin, and a builder giving the ``data`` of the payload from the
object the signal named. Objects appear as the read API shows them, built by the API's own
functions and checked against its schemas, so a receiver can parse a webhook and an API
answer with the same code. A builder answers ``None`` when the API would not show the object
(a view-restricted article, a comment on one): then nothing is sent.

Adding an event is one entry here and one ``connect`` in ``apps.py``.
"""

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit
from uuid import UUID

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest
from ninja.responses import NinjaJSONEncoder

from broadsheet.api import articles, live_routes, schemas
from broadsheet.api.directory_routes import comment_item
from broadsheet.articles.selectors import public_articles
from broadsheet.core.absolute import absolute_url, page_url
from broadsheet.newsletters.sending import ledger_counts

Builder = Callable[[HttpRequest, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    build: Builder


def _article_as_shown(request: HttpRequest, article) -> dict[str, Any] | None:
    """The published article, every field, exactly as ``GET /api/v1/articles/<id>`` gives it."""
    fields = set(articles.FIELDS)
    found = articles.queryset(request, fields).filter(pk=article.pk).first()
    if found is None:
        return None
    shown = articles.serialize(request, [found], fields)[0]
    return {"article": schemas.Article.model_validate(shown).model_dump(exclude_unset=True)}


def _article_withdrawn(request: HttpRequest, article) -> dict[str, Any] | None:
    """No longer in the API: the fields a list gives, from the page as it was, so a receiver
    can find and remove its copy."""
    fields = set(articles.LIST_FIELDS)
    shown = articles.serialize(request, [article], fields)[0]
    return {"article": schemas.Article.model_validate(shown).model_dump(exclude_unset=True)}


def _article_ref(request: HttpRequest, article) -> dict[str, Any]:
    return {"id": article.pk, "title": article.title, "url": page_url(request, article)}


def _comment(request: HttpRequest, comment) -> dict[str, Any] | None:
    """The comment as the article's comment list shows it, and which article it is on."""
    article = public_articles(request).filter(pk=comment.article_id).first()
    if article is None:
        return None
    return {
        "comment": schemas.Comment.model_validate(comment_item(comment)).model_dump(),
        "article": _article_ref(request, article),
    }


def _live_entry(request: HttpRequest, entry) -> dict[str, Any] | None:
    """The entry as the API's entry lists give it, and its live blog."""
    blog = entry.blog
    if not blog.live:
        return None
    return {
        "entry": live_routes.Entry.model_validate(
            live_routes.entry_items(request, [entry])[0]
        ).model_dump(),
        "blog": _article_ref(request, blog),
    }


def _edition(request: HttpRequest, edition) -> dict[str, Any] | None:
    """A sent edition: its newsletter, subject, web version and what the send came to."""
    counts = ledger_counts(edition)
    return {
        "edition": {
            "id": edition.pk,
            "subject": edition.subject,
            "kind": edition.kind,
            "url": absolute_url(request, edition.get_absolute_url()),
            "sent_at": edition.finished_at,
            "recipients": sum(counts.values()),
            "sent": counts["sent"],
            "failed": counts["failed"],
            "bounced": counts["bounced"],
        },
        "newsletter": {
            "id": edition.newsletter.pk,
            "slug": edition.newsletter.slug,
            "name": edition.newsletter.name,
        },
    }


EVENTS: dict[str, EventType] = {
    event.name: event
    for event in (
        EventType("article.published", "Article published", _article_as_shown),
        EventType("article.updated", "Article updated (published again)", _article_as_shown),
        EventType("article.unpublished", "Article unpublished", _article_withdrawn),
        EventType("article.corrected", "Article corrected", _article_as_shown),
        EventType("comment.approved", "Comment approved", _comment),
        EventType("liveentry.published", "Live entry published", _live_entry),
        EventType("newsletter.sent", "Newsletter sent", _edition),
    )
}


def choices() -> list[tuple[str, str]]:
    return [(event.name, event.label) for event in EVENTS.values()]


def site_request() -> HttpRequest:
    """A request for the site's public address (``BASE_URL``), outside any real request.

    The API's functions build absolute URLs from a request, as every answer of the site does;
    events are built after the change commits, where no request is at hand, and their URLs
    must be those readers use.
    """
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    secure = base.scheme == "https"
    port = base.port or (443 if secure else 80)
    host = base.hostname or "localhost"
    return WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "SERVER_NAME": host,
            "SERVER_PORT": str(port),
            "HTTP_HOST": host if port == (443 if secure else 80) else f"{host}:{port}",
            "wsgi.url_scheme": base.scheme or "http",
            "wsgi.input": io.BytesIO(),
        }
    )


def payload(*, event_id: UUID, name: str, occurred_at: datetime, data: dict[str, Any]) -> str:
    """The body receivers get, encoded as the API encodes its answers."""
    document = {"id": str(event_id), "event": name, "occurred_at": occurred_at, "data": data}
    return json.dumps(document, cls=NinjaJSONEncoder, ensure_ascii=False)
