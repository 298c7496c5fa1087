import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from pytest_django.plugin import blocking_manager_key

from broadsheet.caching import fragments
from broadsheet.settings.services import purgers
from tests import factories
from tests.caching.recording import RecordingCache, serving


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches, as a freshly started site does."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    fragments.clear_nearby()


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(
        (marker is not None and marker.kwargs.get("transaction"))
        or fixtures & {"transactional_db", "live_server"}
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """After a transactional test has emptied the database, put back what migrations wrote.

    A transactional test ends with a flush, which takes the rows that migrations create (the
    moderators' groups, Wagtail's locale, tree root and site) with it. Whichever test this
    process runs next, in whatever order xdist hands them out, starts from the database as
    migrated: the contents Django serialized when it created the test database.
    """
    result = yield
    connection = connections[DEFAULT_DB_ALIAS]
    if _is_transactional(item) and hasattr(connection, "_test_serialized_contents"):
        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
            ContentType.objects.clear_cache()
    return result


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def section(home):
    return factories.make_section(home)


@pytest.fixture
def author(db):
    return factories.make_author(role="City hall reporter", bio="Covers the council.")


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what the block scheduled as if its transaction committed.

    Tests run inside one transaction that never commits; a test that checks what a change
    purges makes each change (and its fixtures) through this, so each change's purge batch is
    sent when its block ends, as in production.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def recording_cache():
    """A purge interface on 127.0.0.1 that records every PURGE (``RecordingCache``)."""
    with serving(RecordingCache()) as server:
        yield server


@pytest.fixture
def cache(recording_cache, settings):
    """The site purging through :func:`recording_cache`, which is returned (this replaces
    pytest's own ``cache`` fixture, which no test uses)."""
    settings.WAGTAILFRONTENDCACHE = purgers([recording_cache.location])
    return recording_cache
