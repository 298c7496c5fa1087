"""Settings for the test suite: fast hashing, inline tasks, isolated media."""

import tempfile

from broadsheet.settings import env
from broadsheet.settings.base import *  # noqa: F403
from broadsheet.settings.base import DATABASES

if not env.get("DATABASE_URL"):
    # Tests never touch the demo's database file; Django makes its own in memory.
    DATABASES["default"]["NAME"] = ":memory:"
# Live-server threads must not keep connections open past a test (PostgreSQL teardown).
DATABASES["default"]["CONN_MAX_AGE"] = 0

DEBUG = False
SECRET_KEY = "broadsheet-test-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = env.get("MEDIA_ROOT") or tempfile.mkdtemp(prefix="broadsheet-test-media-")
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "f"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The wire tests serve their pictures from 127.0.0.1.
BROADSHEET_WIRE_PRIVATE_PICTURES = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING"},
    "loggers": {"django.tasks": {"level": "WARNING"}, "django_tasks": {"level": "WARNING"}},
}
