"""Reading ``BROADSHEET_*`` environment variables for the settings modules.

Every setting an operator may change is read here, so the list of variables lives in one place
and ``docs/configuration.md`` can be checked against it by a test.
"""

import os
from pathlib import Path

PREFIX = "BROADSHEET_"

# name (without prefix) -> one-line description; docs/configuration.md must list every one.
VARIABLES: dict[str, str] = {
    "VAR_DIR": "Directory for the SQLite database and local media (default ./var).",
    "DATABASE_URL": "Database URL, e.g. postgres://user@host:5432/broadsheet (default SQLite).",
    "SECRET_KEY": "Django secret key; required in production.",
    "DEBUG": "Turn on debug pages (never in production).",
    "ALLOWED_HOSTS": "Comma-separated host names the site answers to.",
    "CSRF_TRUSTED_ORIGINS": "Comma-separated origins (scheme://host) trusted for POSTs.",
    "BASE_URL": "The site's public base URL, used in emails and admin links.",
    "MEDIA_ROOT": "Directory for uploaded media (default VAR_DIR/media).",
    "STATIC_ROOT": "Directory collectstatic writes to (default VAR_DIR/static).",
    "REDIS_URL": "Redis URL for the shared cache; without it an in-process cache is used.",
    "TASKS_BACKEND": "'immediate' (inline, the default) or 'database' (the worker runs them).",
    "LOG_LEVEL": "Root log level (default INFO).",
    "SMTP_HOST": "SMTP server for outgoing mail; without it mail is printed to the console.",
    "SMTP_PORT": "SMTP port (default 587).",
    "SMTP_USER": "SMTP user name.",
    "SMTP_PASSWORD": "SMTP password.",
    "SMTP_TLS": "Use STARTTLS with the SMTP server (default yes).",
    "FROM_EMAIL": "Sender address of the site's mail (reply notifications, digests).",
    "LOG_FORMAT": "'text' (default) or 'json': one JSON object per log line.",
    "BIND": "Address `broadsheet serve` listens on: HOST:PORT or unix:PATH.",
    "WEB_WORKERS": "Web worker processes (default: one per core, at least 2).",
    "WEB_THREADS": "Threads per web worker; above 1 uses gthread workers (default 1).",
    "ACCESS_LOG": "Log every request from `broadsheet serve` (default off).",
    "DRAIN_SECONDS": "On stop, seconds `broadsheet serve` fails /readyz but serves (default 10).",
    "DATABASE_POOL": "PostgreSQL: use psycopg's connection pool instead of persistent connections.",
    "TASKS_POLL_INTERVAL": "Seconds between polls of an empty task queue (default 0.25).",
    "TASKS_RECLAIM_AFTER": "Seconds before a task left running by a lost worker is run again.",
    "CACHE_S_MAXAGE": "Seconds a shared cache may keep an anonymous page (default 600).",
    "CACHE_STALE_WHILE_REVALIDATE": "Seconds a stale page is served while refetched (default 30).",
    "CACHE_STALE_IF_ERROR": "Seconds a stale page may be served on app errors (default 86400).",
    "FRAGMENT_CACHE_TIMEOUT": "Seconds rendered page parts are kept (0: off).",
    "REDIS_KEY_PREFIX": "Prefix of every cache key in Redis (default broadsheet).",
    "PURGE_URL": "Comma-separated HTTP cache addresses to send purges to; unset: no purging.",
    "PURGE_BACKEND": "The cache PURGE_URL names: 'varnish' (default, by key) or 'nginx' (by URL).",
    "SSL_REDIRECT": "Production: redirect plain-HTTP requests to HTTPS (default on).",
    "HSTS_SECONDS": "Production: Strict-Transport-Security max-age (default one year).",
    "HSTS_PRELOAD": "Production: ask browsers to preload HTTPS-only for the domain (default off).",
    "MEDIA_BUCKET": "Store media in this S3-compatible bucket (needs the s3 extra); unset: disk.",
    "MEDIA_ENDPOINT_URL": "S3 endpoint for non-AWS storage (MinIO, Ceph, Garage…).",
    "MEDIA_REGION": "S3 region name.",
    "MEDIA_ACCESS_KEY_ID": "S3 access key; unset: the machine's credentials.",
    "MEDIA_SECRET_ACCESS_KEY": "S3 secret key.",
    "MEDIA_CUSTOM_DOMAIN": "Public host name media URLs use (a CDN in front of the bucket).",
    "MEDIA_LOCATION": "Key prefix for media inside the bucket.",
    "WIRE_PRIVATE_PICTURES": "Fetch wire pictures from private and loopback addresses too (off).",
    "SEARCH_URL": "OpenSearch/Elasticsearch URL for search; unset: the database's full-text index.",
    "SEARCH_ENGINE": "With SEARCH_URL: opensearch3 (default), opensearch2, elasticsearch8 or 9.",
    "NEWSLETTER_BATCH": "Newsletter messages sent per SMTP connection (default 100).",
    "NEWSLETTER_RATE": "Newsletter messages per second at most (default 0: no limit).",
    "NEWSLETTER_LEASE_SECONDS": "Seconds before a stopped sender's newsletter rows are retaken.",
    "NEWSLETTER_TRACKING": "Count newsletter opens and clicks, first-party, cookie-less (off).",
    "NEWSLETTER_UNSUBSCRIBE_EMAIL": "The mailto: address of List-Unsubscribe (default FROM_EMAIL).",
    "BOUNCE_WEBHOOK_SECRET": "Shared secret of the bounce webhook; unset: the webhook is off.",
    "BOUNCE_IMAP_HOST": "IMAP server of the bounce mailbox (TLS); unset: no mailbox is read.",
    "BOUNCE_IMAP_PORT": "IMAP port of the bounce mailbox (default 993).",
    "BOUNCE_IMAP_USER": "User name of the bounce mailbox.",
    "BOUNCE_IMAP_PASSWORD": "Password of the bounce mailbox.",
    "BOUNCE_IMAP_FOLDER": "Folder of the bounce mailbox to read (default INBOX).",
    "DKIM_KEY_FILE": "PEM private key to DKIM-sign newsletters with; unset: no signing.",
    "DKIM_SELECTOR": "DKIM selector whose DNS record holds the public key.",
    "DKIM_DOMAIN": "DKIM signing domain (d=), normally the sender address's domain.",
}


def get(name: str, default: str = "") -> str:
    """Return the value of ``BROADSHEET_<name>``, or ``default`` when unset or empty."""
    if name not in VARIABLES:
        raise KeyError(f"{PREFIX}{name} is not a documented setting")
    return os.environ.get(PREFIX + name, "") or default


def get_bool(name: str, default: bool = False) -> bool:
    """Read a yes/no variable; accepts 1/0, true/false, yes/no, on/off."""
    value = get(name).strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{PREFIX}{name}={value!r} is not a yes/no value")


def get_list(name: str, default: list[str] | None = None) -> list[str]:
    """Read a comma-separated list, dropping blanks."""
    items = [item.strip() for item in get(name).split(",") if item.strip()]
    return items or list(default or [])


def var_dir() -> Path:
    """The directory for local state (SQLite file, media)."""
    return Path(get("VAR_DIR", "var")).resolve()
