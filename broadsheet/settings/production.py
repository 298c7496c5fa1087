"""Production settings: refuse to start without a secret key or with debug on."""

from django.core.exceptions import ImproperlyConfigured

from broadsheet.settings import env
from broadsheet.settings.base import *  # noqa: F403
from broadsheet.settings.base import DEBUG, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "Set BROADSHEET_SECRET_KEY before starting Broadsheet in production."
    )
if DEBUG:
    raise ImproperlyConfigured("BROADSHEET_DEBUG must be off in production.")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True

# Behind TLS termination (nginx, a load balancer): it sets X-Forwarded-Proto, Django redirects
# plain-HTTP requests and tells browsers to use HTTPS only. /healthz and /readyz are answered
# before SecurityMiddleware, so plain-HTTP probes work.
SECURE_SSL_REDIRECT = env.get_bool("SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(env.get("HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.get_bool("HSTS_PRELOAD")
if not SECURE_HSTS_PRELOAD:
    # Joining the browsers' preload list is a one-way decision for the whole domain; leave it
    # to the operator (BROADSHEET_HSTS_PRELOAD) instead of warning on every deploy check.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_HTTPONLY = True

# Static files from the app servers through WhiteNoise: hashed names (collectstatic writes a
# manifest), compressed copies, and far-future Cache-Control for every hashed file.
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
