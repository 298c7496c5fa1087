"""The production cache, sessions and rate limits against a real Redis (127.0.0.1:6379/15)."""

import uuid

import pytest
import redis
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings
from django.utils import timezone

from broadsheet.caching import counters
from broadsheet.caching.resilient import ResilientRedisCache
from broadsheet.comments.models import Policy
from broadsheet.comments.pipeline import Refused
from broadsheet.comments.pipeline.base import Submission
from broadsheet.comments.pipeline.ratelimit import RateLimitCheck

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_prefix():
    """A key prefix of our own in a database of its own; our keys are deleted afterwards."""
    prefix = f"broadsheet-test-{uuid.uuid4().hex[:12]}"
    cache_settings = {
        "default": {
            "BACKEND": "broadsheet.caching.resilient.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(
        CACHES=cache_settings, SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
    ):
        yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def other_app_server(prefix: str):
    """A second, independent connection, as another app server process would have."""
    return ResilientRedisCache(REDIS_URL, {"KEY_PREFIX": prefix})


def test_values_written_by_one_app_server_are_read_by_another(redis_prefix):
    caches["default"].set("front-page-edition", "late", timeout=30)

    other = other_app_server(redis_prefix)
    assert other.get("front-page-edition") == "late"
    assert other.add("front-page-edition", "early") is False


def test_counters_are_atomic_across_app_servers(redis_prefix):
    cache = caches["default"]
    other = other_app_server(redis_prefix)
    cache.add("hits", 0, timeout=60)

    for _ in range(5):
        cache.incr("hits")
        other.incr("hits")

    assert cache.get("hits") == 10


def test_keys_expire(redis_prefix):
    caches["default"].set("brief", "gone soon", timeout=1)
    client = redis.Redis.from_url(REDIS_URL)

    (key,) = list(client.scan_iter(f"{redis_prefix}:*brief"))
    assert 0 < client.pttl(key) <= 1000


@pytest.mark.django_db
def test_signed_in_sessions_live_in_redis_and_the_database(redis_prefix, client, django_user_model):
    reader = django_user_model.objects.create_user("ines", "ines@example.org", "pw-Sallow-22")
    client.force_login(reader)
    session_key = client.cookies["sessionid"].value

    stored = list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{redis_prefix}:*{session_key}"))
    assert len(stored) == 1
    from django.contrib.sessions.models import Session

    assert Session.objects.filter(session_key=session_key).exists()


def submission(email: str) -> Submission:
    return Submission(
        article=None,
        text="The new ferry timetable suits early shifts.",
        name="Ines",
        email=email,
        policy=Policy(),
        now=timezone.now(),
        ip_hash="ip-of-a-reader",
    )


def test_comment_rate_limit_holds_across_app_servers(redis_prefix):
    check = RateLimitCheck(min_interval=30, per_hour=20)
    check.check(submission("ines@example.org"))

    # Another app server sees the same flood marker, so the reader's next comment is too fast
    # wherever it lands.
    flood = "broadsheet:comments:rate:flood:commenter:email:ines@example.org"
    assert other_app_server(redis_prefix).get(flood) == 1
    with pytest.raises(Refused) as refused:
        check.check(submission("ines@example.org"))
    assert refused.value.status == 429


def test_hourly_comment_limit_counts_in_redis(redis_prefix):
    check = RateLimitCheck(min_interval=0, per_hour=3)
    for number in range(3):
        check.check(submission(f"reader{number}@example.org"))

    with pytest.raises(Refused):
        check.check(submission("reader9@example.org"))


def test_marks_are_set_once_across_app_servers_for_their_seconds(redis_prefix):
    cache, other = caches["default"], other_app_server(redis_prefix)

    assert counters.mark(["flood:a", "flood:b"], seconds=30, cache=cache) == [True, True]
    assert counters.mark(["flood:b", "flood:c"], seconds=30, cache=other) == [False, True]
    assert cache.get("flood:a") == other.get("flood:c") == 1
    (key,) = list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{redis_prefix}:*flood:a"))
    assert 29_000 < redis.Redis.from_url(REDIS_URL).pttl(key) <= 30_000


def test_counts_add_up_across_app_servers_in_a_window_from_the_first(redis_prefix):
    cache, other = caches["default"], other_app_server(redis_prefix)
    client = redis.Redis.from_url(REDIS_URL)

    assert counters.count(["hour:a", "hour:b"], seconds=3600, cache=cache) == [1, 1]
    (key,) = list(client.scan_iter(f"{redis_prefix}:*hour:a"))
    client.pexpire(key, 5_000)  # as if the window were nearly over
    assert counters.count(["hour:a"], seconds=3600, cache=other) == [2]
    # Counting does not stretch the window that the first count started.
    assert 0 < client.pttl(key) <= 5_000
    assert cache.get("hour:b") == 1


def test_marks_and_counts_in_the_in_process_cache_behave_the_same():
    cache = LocMemCache("counters", {})

    assert counters.mark(["flood:a", "flood:b"], seconds=30, cache=cache) == [True, True]
    assert counters.mark(["flood:b", "flood:c"], seconds=30, cache=cache) == [False, True]
    assert counters.count(["hour:a", "hour:b"], seconds=3600, cache=cache) == [1, 1]
    assert counters.count(["hour:a"], seconds=3600, cache=cache) == [2]
