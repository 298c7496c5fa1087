import pytest
from django.core.cache import caches

from broadsheet.caching import fragments, memo
from tests import factories


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches, as a freshly started site does."""
    for cache in caches.all(initialized_only=True):
        cache.clear()
    memo.clear()
    fragments.clear_nearby()


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def section(home):
    return factories.make_section(home)


@pytest.fixture
def author(db):
    return factories.make_author(role="City hall reporter", bio="Covers the council.")
