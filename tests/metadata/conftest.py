import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def clear_cache():
    """Wagtail caches renditions by image id, and ids come round again in a fresh test."""
    cache.clear()
    yield
    cache.clear()
