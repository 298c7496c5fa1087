"""Optional DKIM signing (dkimpy) of the newsletter's messages, when a key is configured.

Many mail providers sign for you; a newsroom that sends through its own server sets
``BROADSHEET_DKIM_KEY_FILE``, ``BROADSHEET_DKIM_SELECTOR`` and ``BROADSHEET_DKIM_DOMAIN``
and publishes the public key in DNS (docs/newsletters.md).
"""

from functools import cache
from pathlib import Path

import dkim as dkimpy
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from broadsheet.newsletters.mail import NewsletterMessage

SIGNED_HEADERS = [
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"list-id",
    b"list-unsubscribe",
    b"list-unsubscribe-post",
    b"mime-version",
    b"content-type",
]


@cache
def _key(path: str) -> bytes:
    return Path(path).read_bytes()


def configured() -> tuple[bytes, bytes, bytes] | None:
    path = getattr(settings, "BROADSHEET_DKIM_KEY_FILE", "")
    selector = getattr(settings, "BROADSHEET_DKIM_SELECTOR", "")
    domain = getattr(settings, "BROADSHEET_DKIM_DOMAIN", "")
    if not (path and selector and domain):
        return None
    return _key(path), selector.encode(), domain.encode()


class SignedMessage(NewsletterMessage):
    """The message as Django builds it, with a DKIM-Signature over the bytes sent.

    Date and Message-ID are fixed headers (``mail.message_for``), so the message Django
    builds when sending is the one signed.
    """

    def message(self, *, policy=None):
        built = super().message(policy=policy)
        key, selector, domain = configured()
        signature = dkimpy.sign(
            built.as_bytes(),
            selector,
            domain,
            key,
            canonicalize=(b"relaxed", b"relaxed"),
            include_headers=SIGNED_HEADERS,
        )
        name, _, value = signature.decode().partition(":")
        built[name.strip()] = value.strip().replace("\r\n", "")
        return built


def signing(message: EmailMultiAlternatives) -> EmailMultiAlternatives:
    """``message`` as a :class:`SignedMessage` when DKIM is configured, else unchanged."""
    if configured() is None:
        return message
    message.__class__ = SignedMessage
    return message
