"""Production settings: refuse to start without a secret key or with debug on."""

from django.core.exceptions import ImproperlyConfigured

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
