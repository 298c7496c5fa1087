import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from pytest_django.plugin import blocking_manager_key

from broadsheet.caching import fragments
from tests import factories


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
