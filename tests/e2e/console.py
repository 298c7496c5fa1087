"""Editor and moderator actions on the e2e stack's database, one JSON command per line.

Run by ``tests.e2e.stack.Console`` as ``python -m tests.e2e.console`` with the stack's
environment. Each answer is one JSON line; ``time`` is when the action's transaction committed.
"""

import json
import sys
import time
import traceback
from importlib import import_module

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.db import close_old_connections  # noqa: E402
from wagtail.models import Site  # noqa: E402

from broadsheet.articles.models import ArticlePage  # noqa: E402
from broadsheet.comments.actions.moderate import approve_comment  # noqa: E402
from broadsheet.comments.models import Comment  # noqa: E402
from tests import factories  # noqa: E402

BODY = (
    "The ferry from Brennock quay to the Sallow islands will leave twenty minutes earlier "
    "from Monday, the harbour office said, so that workers on the early shift at the "
    "boatyard reach the mainland before the tide turns."
)


def build(*, host: str, port: int, articles: int = 1) -> dict:
    """Front page, one section, one author and ``articles`` published articles."""
    home = factories.make_home()
    Site.objects.filter(is_default_site=True).update(hostname=host, port=port)
    section = factories.make_section(home)
    author = factories.make_author()
    made = [
        factories.make_article(
            section,
            title=f"Ferry timetable changes, part {number}",
            slug=f"ferry-timetable-{number}",
            authors=[author],
            body=factories.paragraphs(BODY, BODY),
            tags=["ferries"],
        )
        for number in range(1, articles + 1)
    ]
    users = get_user_model().objects
    users.create_superuser("editor", "editor@brennock.example", "pw-editor-Sallow-1")
    return {"articles": [{"id": a.pk, "url": a.url} for a in made]}


def retitle(*, article_id: int, title: str) -> dict:
    article = ArticlePage.objects.get(pk=article_id)
    article.title = title
    editor = get_user_model().objects.get(username="editor")
    article.save_revision(user=editor).publish(user=editor)
    return {"time": time.time()}


def approve(*, text: str) -> dict:
    comment = Comment.objects.get(text=text)
    approve_comment(comment=comment, actor=get_user_model().objects.get(username="editor"))
    return {"time": time.time()}


def comments(*, article_id: int) -> dict:
    rows = Comment.objects.filter(article_id=article_id).values_list("text", "state")
    return {"comments": [{"text": text, "state": state} for text, state in rows]}


def reader_session(*, username: str) -> dict:
    """A signed-in reader: their account and a session, as after signing in."""
    user = get_user_model().objects.create_user(
        username, f"{username}@readers.example", "pw-reader-Westreach-9"
    )
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return {"cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}"}


def breaking_news(*, text: str = "", link: str = "", seconds: float | None = None) -> dict:
    """Run a banner (``seconds``: until it expires), or with no text take it down."""
    from datetime import timedelta

    from django.utils import timezone

    from broadsheet.site import breaking

    site = Site.objects.get(is_default_site=True)
    if not text:
        breaking.take_down(site.pk)
    else:
        expires = timezone.now() + timedelta(seconds=seconds) if seconds else None
        breaking.set_banner(site.pk, text=text, link=link, expires_at=expires)
    return {"time": time.time()}


def queued(**_) -> dict:
    """How many background tasks are waiting or running."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status__in=["READY", "RUNNING"]).count()
    return {"queued": waiting}


COMMANDS = {
    f.__name__: f
    for f in (build, retitle, approve, comments, reader_session, breaking_news, queued)
}


def main() -> None:
    for line in sys.stdin:
        message = json.loads(line)
        # One command is one request's worth of work: a connection the database dropped since
        # (a test killing connections, a restart) is replaced, as Django does per request.
        close_old_connections()
        try:
            answer = COMMANDS[message.pop("command")](**message)
        except Exception:
            answer = {"error": traceback.format_exc()}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
