"""Redis stopped: pages, comments, sessions and /readyz keep working; the outage is logged once.

"Unreachable" is a real refused connection: a port nobody listens on. "Back" is the same port
starting to forward to the real Redis (127.0.0.1:6379, database 15, a key prefix of our own).
"""

import logging
import select
import socket
import socketserver
import threading
import uuid

import pytest
import redis
from allauth.account.models import EmailAddress
from django.core.cache import caches
from django.test import override_settings
from wagtail.models import Site

from broadsheet.caching import fragments, resilient
from broadsheet.comments.models import Comment, CommentSettings
from tests import factories
from tests.comments.helpers import post_comment
from tests.ports import free_port

pytestmark = pytest.mark.django_db

REDIS = ("127.0.0.1", 6379)
BACKEND = "broadsheet.caching.resilient.ResilientRedisCache"


def redis_caches(location: str, prefix: str, **options: object) -> dict:
    """The production shape: the default cache and the fragments beside it on one server."""
    default = {"BACKEND": BACKEND, "LOCATION": location, "KEY_PREFIX": prefix, "OPTIONS": options}
    return {"default": default, "fragments": {**default, "KEY_PREFIX": f"{prefix}:fragments"}}


@pytest.fixture(autouse=True)
def _no_outage_remembered():
    resilient.forget_outages()
    yield
    resilient.forget_outages()


@pytest.fixture
def redis_down():
    with override_settings(
        CACHES=redis_caches("redis://127.0.0.1:1/0", "broadsheet"),
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    ):
        yield


@pytest.fixture
def article(db):
    home = factories.make_home()
    section = factories.make_section(home)
    CommentSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"hold_first_comments": False}
    )
    return factories.make_article(
        section,
        title="Ferry timetable changes",
        authors=[factories.make_author()],
        body=factories.paragraphs("The first sailing leaves at six."),
    )


def outage_warnings(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "broadsheet.caching" and "unreachable" in record.getMessage()
    ]


def test_article_and_front_page_render_from_the_database(client, article, redis_down):
    response = client.get(article.url)
    assert response.status_code == 200
    assert b"The first sailing leaves at six." in response.content

    assert client.get("/").status_code == 200
    assert client.get("/search/?q=ferry").status_code == 200
    assert client.get("/feeds/rss/").status_code == 200


def test_comment_posts_are_accepted_and_stored(client, article, redis_down):
    first = post_comment(client, article, json=True, text="The early sailing suits me.")
    # Straight after: the rate limit fails open while it cannot count.
    second = post_comment(client, article, json=True, text="And the late one suits my sister.")

    assert (first.status_code, second.status_code) == (201, 201)
    assert list(Comment.objects.filter(article=article).values_list("text", flat=True)) == [
        "The early sailing suits me.",
        "And the late one suits my sister.",
    ]


def test_readers_sign_in_and_keep_their_session(client, article, redis_down, django_user_model):
    reader = django_user_model.objects.create_user("ines", "ines@example.org", "pw-Sallow-22")
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)

    # allauth's rate limit takes a lock in the cache first: it must not wait for it, or refuse.
    signed_in = client.post(
        "/accounts/login/", {"login": "ines@example.org", "password": "pw-Sallow-22"}
    )
    assert signed_in.status_code == 302

    response = client.get("/accounts/")
    assert response.status_code == 200
    assert response.wsgi_request.user == reader  # the session, read from the database


def test_readyz_stays_ready_and_says_redis_is_unreachable(client, redis_down):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "unreachable", "migrations": "ok"},
    }


def test_the_outage_is_logged_once_not_per_request(client, article, redis_down, caplog):
    caplog.set_level(logging.WARNING, logger="broadsheet.caching")

    for _ in range(3):
        assert client.get(article.url).status_code == 200
        assert client.get("/readyz").status_code == 200
    post_comment(client, article, json=True)

    (warning,) = outage_warnings(caplog)
    assert "127.0.0.1:1/0" in warning


def test_misses_instead_of_raising(redis_down):
    cache = caches["default"]

    assert cache.get("edition", "none") == "none"
    cache.set("edition", "late")
    assert cache.add("edition", "late") is True  # as on an empty cache: locks do not wait
    assert cache.get_or_set("edition", "computed") == "computed"
    assert cache.has_key("edition") is False
    assert cache.get_many(["edition"]) == {}
    assert cache.set_many({"edition": "late"}) == ["edition"]
    with pytest.raises(ValueError):
        cache.incr("hits")


class _Forward(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        with socket.create_connection(REDIS) as upstream:
            ends = {self.request: upstream, upstream: self.request}
            while not self.server.closing.is_set():
                for end in select.select(list(ends), [], [], 0.1)[0]:
                    data = end.recv(65536)
                    if not data:
                        return
                    ends[end].sendall(data)


class RedisComingBack(socketserver.ThreadingTCPServer):
    """A port that refuses connections until :meth:`start`, then forwards them to Redis."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", free_port()), _Forward, bind_and_activate=False)
        self.closing = threading.Event()
        self.serving: threading.Thread | None = None

    def start(self) -> None:
        self.server_bind()
        self.server_activate()
        self.serving = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.serving.start()

    def stop(self) -> None:
        self.closing.set()
        if self.serving is not None:  # shutdown() waits for serve_forever() to have run
            self.shutdown()
        self.server_close()


@pytest.fixture
def redis_coming_back():
    server = RedisComingBack()
    prefix = f"broadsheet-test-{uuid.uuid4().hex[:12]}"
    location = f"redis://127.0.0.1:{server.server_address[1]}/15"
    # No pause between tries, so the test need not wait for the re-check.
    with override_settings(CACHES=redis_caches(location, prefix, recheck_seconds=0)):
        yield server, prefix
    server.stop()
    client = redis.Redis(*REDIS, db=15)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_fragments_are_stored_again_once_redis_answers(client, article, redis_coming_back, caplog):
    server, prefix = redis_coming_back
    caplog.set_level(logging.INFO, logger="broadsheet.caching")
    stored = redis.Redis(*REDIS, db=15)
    assert client.get(article.url).status_code == 200
    assert len(outage_warnings(caplog)) == 1

    server.start()
    fragments.clear_nearby()  # what this process kept in its own memory meanwhile
    assert client.get(article.url).status_code == 200

    assert list(stored.scan_iter(f"{prefix}:fragments:*fragment:*"))
    assert any("answers again" in record.getMessage() for record in caplog.records)
    assert client.get("/readyz").json()["status"] == "ok"
