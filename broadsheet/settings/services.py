"""Settings fragments built from BROADSHEET_* variables (called from the settings modules).

Plain functions over values the settings module already read, so they import nothing from
Django's configured state and can be tested alone.
"""

from typing import Any


def s3_media_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    custom_domain: str = "",
    location: str = "",
) -> dict[str, Any]:
    """``STORAGES["default"]`` for S3-compatible object storage through django-storages.

    Needs the ``s3`` extra (``pip install 'broadsheet[s3]'``). Objects are public-read through
    the bucket policy or ``custom_domain`` (a CDN), never signed URLs, so cached pages that
    link to photos stay valid; uploads never overwrite an existing name.
    """
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "file_overwrite": False,
        "querystring_auth": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    optional = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key,
        "secret_key": secret_key,
        "custom_domain": custom_domain,
        "location": location,
    }
    options.update({key: value for key, value in optional.items() if value})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# BROADSHEET_PURGE_BACKEND: which HTTP cache BROADSHEET_PURGE_URL names.
PURGE_BACKENDS = {
    "varnish": "broadsheet.caching.backends.VarnishBackend",
    "nginx": "broadsheet.caching.backends.NginxBackend",
}


def purgers(locations: list[str], kind: str = "varnish") -> dict[str, dict[str, str]]:
    """``WAGTAILFRONTENDCACHE`` with one purger of ``kind`` per location (one per cache)."""
    if kind not in PURGE_BACKENDS:
        raise ValueError(f"BROADSHEET_PURGE_BACKEND must be one of {sorted(PURGE_BACKENDS)}")
    return {
        f"{kind}{index}": {"BACKEND": PURGE_BACKENDS[kind], "LOCATION": location}
        for index, location in enumerate(locations, start=1)
    }


def needs_url_index(frontend_caches: dict[str, dict[str, str]]) -> bool:
    """Whether a configured cache purges single URLs only (not Varnish, which purges by
    surrogate key): app servers must then remember which URLs named which keys."""
    return any(conf["BACKEND"] != PURGE_BACKENDS["varnish"] for conf in frontend_caches.values())


def log_formatters(log_format: str) -> dict[str, dict[str, str]]:
    """``LOGGING["formatters"]`` for plain text or JSON lines (``BROADSHEET_LOG_FORMAT``)."""
    if log_format not in ("text", "json"):
        raise ValueError("BROADSHEET_LOG_FORMAT must be 'text' or 'json'")
    return {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "broadsheet.ops.logging.JsonFormatter"},
    }


def sqlite_options() -> dict[str, Any]:
    """``DATABASES[...]["OPTIONS"]`` for SQLite, so that concurrent writers wait instead of failing.

    The demo writes from several threads at once (runserver's request threads, the scheduler,
    the admin's editing-session pings). SQLite allows one writer at a time:

    - ``IMMEDIATE`` transactions take the write lock when they begin. A default (deferred)
      transaction that reads and then writes cannot wait for a lock another writer holds: it
      fails at once with "database is locked", whatever the timeout.
    - ``timeout`` is how many seconds a connection waits for that lock before giving up.
    - Write-ahead logging lets readers carry on while one connection writes; with it,
      ``synchronous=NORMAL`` syncs at checkpoints rather than on every commit (a power cut may
      lose the last commits, never corrupt the file). An in-memory database ignores both.
    """
    return {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
