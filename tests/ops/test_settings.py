"""Production settings as the environment variables shape them (read in a fresh process)."""

import json
import os
import subprocess
import sys

import pytest

SECRET = "a-long-production-secret-for-tests-only-0123456789-abcdefghij"

SHOW = """
import json
import broadsheet.settings.production as s
print(json.dumps({
    "storages": s.STORAGES, "databases": s.DATABASES, "caches": s.CACHES,
    "session_engine": getattr(s, "SESSION_ENGINE", None),
    "frontend_cache": s.WAGTAILFRONTENDCACHE, "middleware": s.MIDDLEWARE,
    "logging": s.LOGGING, "caching": s.BROADSHEET_CACHING,
}, default=str))
"""


def production_settings(**variables: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BROADSHEET_", "DJANGO_"))}
    env.update({"BROADSHEET_SECRET_KEY": SECRET, **variables})
    result = subprocess.run(
        [sys.executable, "-c", SHOW], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_plain_production_uses_disk_media_and_hashed_static_files():
    settings = production_settings()

    assert settings["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")
    assert settings["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    middleware = settings["middleware"]
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == (
        middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )
    assert settings["frontend_cache"] == {}


def test_s3_variables_switch_media_to_object_storage():
    settings = production_settings(
        BROADSHEET_MEDIA_BUCKET="brennock-media",
        BROADSHEET_MEDIA_ENDPOINT_URL="https://objects.westreach.example",
        BROADSHEET_MEDIA_CUSTOM_DOMAIN="media.brennock.example",
    )

    storage = settings["storages"]["default"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "brennock-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://objects.westreach.example"
    assert storage["OPTIONS"]["custom_domain"] == "media.brennock.example"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert "access_key" not in storage["OPTIONS"]


def test_postgres_gets_persistent_connections_or_a_pool():
    url = "postgres://broadsheet@db.internal:5432/broadsheet"

    persistent = production_settings(BROADSHEET_DATABASE_URL=url)["databases"]["default"]
    pooled = production_settings(BROADSHEET_DATABASE_URL=url, BROADSHEET_DATABASE_POOL="on")

    assert persistent["CONN_MAX_AGE"] == 60 and persistent["CONN_HEALTH_CHECKS"] is True
    assert pooled["databases"]["default"]["OPTIONS"]["pool"] is True
    assert pooled["databases"]["default"]["CONN_MAX_AGE"] == 0


def test_redis_serves_cache_and_sessions():
    settings = production_settings(BROADSHEET_REDIS_URL="redis://cache.internal:6379/0")

    assert settings["caches"]["default"]["BACKEND"] == (
        "broadsheet.caching.resilient.ResilientRedisCache"
    )
    assert settings["caches"]["fragments"]["BACKEND"] == settings["caches"]["default"]["BACKEND"]
    assert settings["session_engine"] == "django.contrib.sessions.backends.cached_db"


def test_purge_urls_configure_one_varnish_each():
    settings = production_settings(
        BROADSHEET_PURGE_URL="http://10.0.0.5:6081,http://10.0.0.6:6081",
        BROADSHEET_CACHE_S_MAXAGE="3600",
    )

    assert [b["LOCATION"] for b in settings["frontend_cache"].values()] == [
        "http://10.0.0.5:6081",
        "http://10.0.0.6:6081",
    ]
    assert settings["caching"]["S_MAXAGE"] == 3600


@pytest.mark.parametrize(("log_format", "formatter"), [("json", "json"), ("", "text")])
def test_log_format(log_format, formatter):
    settings = production_settings(BROADSHEET_LOG_FORMAT=log_format)

    assert settings["logging"]["handlers"]["console"]["formatter"] == formatter
