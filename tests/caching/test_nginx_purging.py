"""The nginx front's purger: one PURGE per stored copy of every URL served naming a purged key.

The cache is the recording HTTP server of conftest.py; tests/e2e/test_nginx_front.py runs the
same requests against a real nginx.
"""

import logging
from collections import Counter

import pytest

from broadsheet.caching.backends import NginxBackend
from broadsheet.settings import services
from broadsheet.settings.services import purgers
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache(recording_cache, settings):
    settings.WAGTAILFRONTENDCACHE = purgers([recording_cache.location], "nginx")
    settings.BROADSHEET_CACHING = {**settings.BROADSHEET_CACHING, "URL_INDEX": True}
    return recording_cache


@pytest.fixture
def article(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        section = factories.make_section(factories.make_home())
        return factories.make_article(
            section, slug="ferry-timetable", authors=[factories.make_author()], tags=["ferries"]
        )


def copies(cache) -> Counter:
    """How many PURGEs each (path, scheme, encoding) got."""
    return Counter(
        (path, headers["X-Forwarded-Proto"], headers["Accept-Encoding"])
        for (_, _, path, _), headers in zip(cache.received, cache.headers, strict=True)
    )


def test_the_nginx_backend_is_chosen_by_name_and_others_are_refused():
    assert purgers(["http://127.0.0.1:6081"], "nginx") == {
        "nginx1": {
            "BACKEND": "broadsheet.caching.backends.NginxBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    }
    with pytest.raises(ValueError, match="BROADSHEET_PURGE_BACKEND must be one of"):
        purgers(["http://127.0.0.1:6081"], "squid")


def test_the_url_index_is_kept_with_the_nginx_front_only():
    assert services.needs_url_index(purgers(["http://127.0.0.1:6081"], "nginx"))
    assert not services.needs_url_index(purgers(["http://127.0.0.1:6081"], "varnish"))
    assert not services.needs_url_index({})


def test_publishing_purges_each_served_url_once_per_stored_copy_and_no_key(
    cache, article, django_capture_on_commit_callbacks, client
):
    served = ["/city/ferry-timetable/", "/city/?page=5", "/topics/ferries/", "/feeds/rss/"]
    for url in served:
        assert client.get(url, HTTP_HOST="localhost").status_code in (200, 404), url
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert cache.keys() == set()
    assert {method for method, *_ in cache.received} == {"PURGE"}
    assert {host for _, host, _, _ in cache.received} == {"localhost"}
    # The site's address is http://localhost: readers may still come over https.
    for path in served:
        for scheme in ("https", "http"):
            for encoding in ("gzip", "identity"):
                assert copies(cache)[(path, scheme, encoding)] == 1, (path, scheme, encoding)
    assert "/feeds/" not in cache.purges()


def test_a_purged_url_is_forgotten_until_it_is_served_again(
    cache, article, django_capture_on_commit_callbacks, client
):
    client.get("/city/ferry-timetable/")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    assert cache.received == []


def test_an_https_site_purges_only_its_https_copies(cache):
    NginxBackend({"LOCATION": cache.location}).purge_batch(["https://news.example/city/"])

    assert copies(cache) == Counter(
        {("/city/", "https", "gzip"): 1, ("/city/", "https", "identity"): 1}
    )
    assert [host for _, host, _, _ in cache.received] == ["news.example", "news.example"]


def test_an_unreachable_nginx_is_logged_once_and_does_not_raise(recording_cache, caplog):
    location = recording_cache.location
    recording_cache.shutdown()
    recording_cache.server_close()
    backend = NginxBackend({"LOCATION": location})

    with caplog.at_level(logging.ERROR, logger="broadsheet.caching"):
        backend.purge_batch([f"https://news.example/{n}/" for n in range(50)])

    assert len([r for r in caplog.records if "Could not reach nginx" in r.message]) == 1
