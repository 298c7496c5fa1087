"""Settings shared by every environment. Operators configure through BROADSHEET_* variables."""

from pathlib import Path

import dj_database_url

from broadsheet.settings import env, services

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = env.var_dir()

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = env.get_bool("DEBUG")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "broadsheet.core",
    "broadsheet.images",
    "broadsheet.articles",
    "broadsheet.site",
    "broadsheet.comments",
    "broadsheet.accounts",  # before allauth: its templates override allauth's
    "broadsheet.demo",
    "broadsheet.feeds",
    "broadsheet.metadata",
    "broadsheet.api",
    "broadsheet.live",
    "broadsheet.newsletters",
    "broadsheet.wire",
    "broadsheet.wordpress",
    "broadsheet.webhooks",
    "broadsheet.ops",
    "wagtail.contrib.redirects",
    "broadsheet.caching",
    # broadsheet.freshness replaces frontend_cache's page-only purge receivers in its ready(),
    # so it must come after it.
    "wagtail.contrib.frontend_cache",
    "broadsheet.freshness",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # the API reference page's scripts, served from our own static files
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # 405 for methods a path does not take (before CSRF's 403), HEAD served as GET without body.
    "broadsheet.ops.methods.AllowedMethodsMiddleware",
    "broadsheet.ops.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before sessions, CSRF and messages: it must see the cookies they set.
    "broadsheet.caching.middleware.SharedCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "broadsheet.api.middleware.ApiMiddleware",  # keys, rate limits and CORS under /api/
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "broadsheet.caching.middleware.RememberingMiddleware",
    "broadsheet.core.middleware.SiteTimezoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # WordPress addresses by query string (/?p=12) on the front page, which answers 200.
    "broadsheet.wordpress.middleware.OldQueryRedirectMiddleware",
]

ROOT_URLCONF = "broadsheet.urls"
WSGI_APPLICATION = "broadsheet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "broadsheet.comments.context_processors.most_commented",
                "broadsheet.newsletters.context_processors.account_panels",
                "broadsheet.newsletters.context_processors.article_panels",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'broadsheet.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(services.sqlite_options())
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # Wagtail's database search backend uses PostgreSQL full-text search (SearchVectorField).
    INSTALLED_APPS.append("django.contrib.postgres")
    # A database host that does not answer costs a request 5 s (then 503), not the minutes
    # the operating system waits before giving up on a connection.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
# PostgreSQL only: psycopg's connection pool instead of one persistent connection per worker
# (useful with gthread workers or many processes per database; needs psycopg[pool]).
if env.get_bool("DATABASE_POOL") and "postgresql" in DATABASES["default"]["ENGINE"]:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps the connections
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Staff sign in to Wagtail's admin by user name (ModelBackend, first); readers sign in by email
# through allauth at /accounts/, with a confirmed address (see docs/architecture.md).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "broadsheet.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False  # signing out is a POST (a form button), never a link

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"  # storage and default; each site chooses its display time zone in settings
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.get("STATIC_ROOT", str(VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get("MEDIA_ROOT", str(VAR_DIR / "media"))
STORAGES = {
    # Writes each file whole or not at all: a full media volume leaves no partial photo.
    "default": {"BACKEND": "broadsheet.core.storage.AtomicFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env.get("MEDIA_BUCKET"):  # media in S3-compatible object storage (the `s3` extra)
    STORAGES["default"] = services.s3_media_storage(
        bucket=env.get("MEDIA_BUCKET"),
        endpoint_url=env.get("MEDIA_ENDPOINT_URL"),
        region=env.get("MEDIA_REGION"),
        access_key=env.get("MEDIA_ACCESS_KEY_ID"),
        secret_key=env.get("MEDIA_SECRET_ACCESS_KEY"),
        custom_domain=env.get("MEDIA_CUSTOM_DOMAIN"),
        location=env.get("MEDIA_LOCATION"),
    )

if env.get("REDIS_URL"):
    # Django's Redis cache, but an unreachable Redis is a cache that misses (and is logged
    # once), not a 500 on every page: broadsheet/caching/resilient.py.
    CACHES = {
        "default": {
            "BACKEND": "broadsheet.caching.resilient.ResilientRedisCache",
            "LOCATION": env.get("REDIS_URL"),
            "KEY_PREFIX": env.get("REDIS_KEY_PREFIX", "broadsheet"),
        }
    }
    # Sessions read from Redis, written through to the database: they survive a Redis restart
    # and, read from the database, an outage.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered parts of reader pages (broadsheet/caching/fragments.py): beside the default cache in
# Redis, in a larger in-process cache of its own otherwise, so pages never evict rate limits.
CACHES["fragments"] = (
    {**CACHES["default"], "KEY_PREFIX": CACHES["default"].get("KEY_PREFIX", "") + ":fragments"}
    if env.get("REDIS_URL")
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragments",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
)

# Wagtail 8 queues its own work through the django_tasks backport, which reads this same
# setting; Django's own django.tasks backends run both kinds of task.
_TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = env.get("TASKS_BACKEND", "immediate")
if _tasks_backend not in _TASK_BACKENDS:
    raise ValueError(f"BROADSHEET_TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend]}}
TASKS_POLL_INTERVAL = float(env.get("TASKS_POLL_INTERVAL", "0.25"))
# Seconds after which a task still RUNNING is taken to have lost its worker and is queued again
# (broadsheet/core/worker.py); longer than any task takes.
TASKS_RECLAIM_AFTER = float(env.get("TASKS_RECLAIM_AFTER", "900"))
# Seconds a webhook receiver has to accept the connection, and again to answer
# (broadsheet/webhooks); the worker sends, so a slow receiver never holds a request.
BROADSHEET_WEBHOOK_TIMEOUT = 10

# Shared HTTP cache (Varnish/CDN): how long anonymous pages may be kept. Purges on publish and
# comment approval make long lifetimes safe (broadsheet/caching).
BROADSHEET_CACHING = {
    "S_MAXAGE": int(env.get("CACHE_S_MAXAGE", "600")),
    "STALE_WHILE_REVALIDATE": int(env.get("CACHE_STALE_WHILE_REVALIDATE", "30")),
    "STALE_IF_ERROR": int(env.get("CACHE_STALE_IF_ERROR", "86400")),
}
# Seconds a rendered fragment is kept; changes make old ones unreachable at once. 0: off.
BROADSHEET_FRAGMENT_CACHE_TIMEOUT = int(
    env.get("FRAGMENT_CACHE_TIMEOUT", str(BROADSHEET_CACHING["S_MAXAGE"]))
)
# Without BROADSHEET_PURGE_URL nothing is purged (the cache keeps pages for S_MAXAGE).
# BROADSHEET_PURGE_BACKEND names the cache: Varnish (purges by surrogate key) or the nginx
# front (one URL at a time: app servers then remember which URLs named which keys).
WAGTAILFRONTENDCACHE = services.purgers(
    env.get_list("PURGE_URL"), env.get("PURGE_BACKEND", "varnish")
)
BROADSHEET_CACHING["URL_INDEX"] = services.needs_url_index(WAGTAILFRONTENDCACHE)
# Wire pictures are fetched from public addresses only, unless this says otherwise (a feed
# must not make the server read its own network).
BROADSHEET_WIRE_PRIVATE_PICTURES = env.get_bool("WIRE_PRIVATE_PICTURES")

# Mail through Django 6.1's MAILERS (EMAIL_BACKEND is deprecated). Without an SMTP host,
# messages are written to the console.
if env.get("SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env.get("SMTP_HOST"),
                "port": int(env.get("SMTP_PORT", "587")),
                "username": env.get("SMTP_USER"),
                "password": env.get("SMTP_PASSWORD"),
                "use_tls": env.get_bool("SMTP_TLS", True),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env.get("FROM_EMAIL", "Broadsheet <newsroom@localhost>")

# Newsletters (docs/newsletters.md): sending pace, the ledger's lease, bounces, DKIM.
BROADSHEET_NEWSLETTER_BATCH = int(env.get("NEWSLETTER_BATCH", "100"))
BROADSHEET_NEWSLETTER_RATE = float(env.get("NEWSLETTER_RATE", "0"))
BROADSHEET_NEWSLETTER_LEASE_SECONDS = float(env.get("NEWSLETTER_LEASE_SECONDS", "120"))
BROADSHEET_NEWSLETTER_TRACKING = env.get_bool("NEWSLETTER_TRACKING")
BROADSHEET_NEWSLETTER_UNSUBSCRIBE_EMAIL = env.get("NEWSLETTER_UNSUBSCRIBE_EMAIL")
BROADSHEET_BOUNCE_WEBHOOK_SECRET = env.get("BOUNCE_WEBHOOK_SECRET")
BROADSHEET_BOUNCE_IMAP_HOST = env.get("BOUNCE_IMAP_HOST")
BROADSHEET_BOUNCE_IMAP_PORT = int(env.get("BOUNCE_IMAP_PORT", "993"))
BROADSHEET_BOUNCE_IMAP_USER = env.get("BOUNCE_IMAP_USER")
BROADSHEET_BOUNCE_IMAP_PASSWORD = env.get("BOUNCE_IMAP_PASSWORD")
BROADSHEET_BOUNCE_IMAP_FOLDER = env.get("BOUNCE_IMAP_FOLDER", "INBOX")
BROADSHEET_DKIM_KEY_FILE = env.get("DKIM_KEY_FILE")
BROADSHEET_DKIM_SELECTOR = env.get("DKIM_SELECTOR")
BROADSHEET_DKIM_DOMAIN = env.get("DKIM_DOMAIN")
URLIZE_ASSUME_HTTPS = True

# Reader comments: the moderation pipeline, in order; the first hold/spam/reject verdict wins.
BROADSHEET_COMMENT_CHECKS = [
    {"BACKEND": "broadsheet.comments.pipeline.honeypot.HoneypotCheck"},
    {"BACKEND": "broadsheet.comments.pipeline.timestamp.TimestampCheck", "MIN_SECONDS": 3},
    {
        "BACKEND": "broadsheet.comments.pipeline.ratelimit.RateLimitCheck",
        "MIN_INTERVAL": 15,
        "PER_HOUR": 20,
    },
    {"BACKEND": "broadsheet.comments.pipeline.bans.BanCheck"},
    {"BACKEND": "broadsheet.comments.pipeline.words.WordListCheck"},
    {"BACKEND": "broadsheet.comments.pipeline.duplicates.DuplicateCheck", "FLOOD_ARTICLES": 3},
    {"BACKEND": "broadsheet.comments.pipeline.links.LinkCountCheck"},
    {"BACKEND": "broadsheet.comments.pipeline.learned.LearnedFilterCheck"},
    {"BACKEND": "broadsheet.comments.pipeline.trust.TrustCheck"},
    {"BACKEND": "broadsheet.comments.pipeline.policy.PremoderationCheck"},
]

WAGTAIL_SITE_NAME = "Broadsheet"
# Wagtail 8 saves the edit form in the background half a second after each change. Off, because
# on our pages it did more harm than good: the first background save of a new page creates it
# while the form still posts to /add/, so a Save pressed meanwhile creates the page a second
# time ("slug already in use") beside an orphan draft; each background save races the
# editing-session ping, which may then report the editor's own save as "a new version in
# another window" (wagtail/wagtail#13863); and a draft that cannot be saved yet (no headline, an
# untouched byline row) answered 400 after every keystroke. Editors save with Save draft
# (Ctrl/Cmd+S); leaving with unsaved changes still asks for confirmation.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Avatars: the profile photo a user uploads, else Wagtail's own placeholder; never a request
# to Gravatar that tells a third party who works in the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.Photo"
# Search: the database's own full-text index (SQLite FTS5, PostgreSQL full text) unless an
# OpenSearch/Elasticsearch cluster is named; then install its client and run `update_index`.
_SEARCH_ENGINES = {
    name: f"wagtail.search.backends.{name}"
    for name in ("opensearch3", "opensearch2", "elasticsearch9", "elasticsearch8")
}
if env.get("SEARCH_URL"):
    _search_engine = env.get("SEARCH_ENGINE", "opensearch3")
    if _search_engine not in _SEARCH_ENGINES:
        raise ValueError(f"BROADSHEET_SEARCH_ENGINE must be one of {sorted(_SEARCH_ENGINES)}")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": _SEARCH_ENGINES[_search_engine],
            "URLS": env.get_list("SEARCH_URL"),
            "INDEX_PREFIX": "broadsheet_",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    if "postgresql" in DATABASES["default"]["ENGINE"]:
        # English stemming with accents folded, as SQLite's FTS5 folds them ("cafe" finds
        # "Café"); created by migration articles/0009.
        WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "broadsheet_search"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_TAG_SPACES_ALLOWED = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {"already_logged": {"()": "broadsheet.ops.logging.SkipAlreadyLogged"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    # One line per background task is noise at INFO; failures still show.
    "loggers": {
        "django.tasks": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # An outage is logged once (broadsheet.core.database), not once per request or probe.
        "django.request": {"filters": ["already_logged"]},
    },
}
# Structured logs: BROADSHEET_LOG_FORMAT=json writes one JSON object per line.
BROADSHEET_LOG_FORMAT = env.get("LOG_FORMAT", "text")
LOGGING["formatters"] = services.log_formatters(BROADSHEET_LOG_FORMAT)
LOGGING["handlers"]["console"]["formatter"] = BROADSHEET_LOG_FORMAT
