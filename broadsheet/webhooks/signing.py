"""Signatures receivers check: HMAC-SHA256 of ``<timestamp>.<body>`` with the shared secret.

The timestamp is signed with the body so a receiver can refuse an old request replayed to it
(docs/api.md, "Webhooks", has the receiver's side). Pure: no clock, no settings.
"""

import hashlib
import hmac

HEADER = "Broadsheet-Signature"
EVENT_HEADER = "Broadsheet-Event"
DELIVERY_HEADER = "Broadsheet-Delivery"


def signature(*, secret: str, timestamp: int, body: str) -> str:
    """The hex HMAC-SHA256 of ``timestamp + "." + body`` under ``secret``."""
    message = f"{timestamp}.".encode() + body.encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def header_value(*, secret: str, timestamp: int, body: str) -> str:
    """``t=<unix seconds>,v1=<hex>``: room for a ``v2`` scheme beside ``v1`` one day."""
    return f"t={timestamp},v1={signature(secret=secret, timestamp=timestamp, body=body)}"
