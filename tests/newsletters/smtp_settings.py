"""Test settings whose mail goes to the SMTP server the environment names (the tests' sink)."""

import os

from broadsheet.settings.test import *  # noqa: F403

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "127.0.0.1",
            "port": int(os.environ["NEWSLETTER_TEST_SMTP_PORT"]),
            "use_tls": False,
            "timeout": 30,
        },
    }
}
