"""One signed POST to a receiver, and what came of it. Never raises for the receiver's faults."""

import time
from dataclasses import dataclass

import requests

from broadsheet.webhooks import policy, signing

USER_AGENT = "Broadsheet-Webhooks/1"


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str
    duration_ms: int


def post(
    *, url: str, body: str, secret: str, event: str, delivery_id: str, timeout: float
) -> Outcome:
    """POST ``body`` to ``url``, signed now; ``timeout`` bounds connecting and each read.

    The answer's body is not read: a receiver has nothing to tell us but its status.
    """
    timestamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        signing.HEADER: signing.header_value(secret=secret, timestamp=timestamp, body=body),
        signing.EVENT_HEADER: event,
        signing.DELIVERY_HEADER: delivery_id,
    }
    started = time.monotonic()
    try:
        with requests.post(
            url,
            data=body.encode(),
            headers=headers,
            timeout=(timeout, timeout),
            allow_redirects=False,
            stream=True,
        ) as answer:
            status, error = answer.status_code, ""
            if not policy.succeeded(status):
                error = f"HTTP {status} {answer.reason or ''}".strip()
    except requests.Timeout:
        status, error = None, f"no answer within {timeout:g} s"
    except requests.RequestException as exc:
        status, error = None, _reason(exc)
    return Outcome(status, error[:300], int((time.monotonic() - started) * 1000))


def _reason(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.ConnectionError):
        return f"could not connect: {exc.__class__.__name__}: {exc}"
    return f"{exc.__class__.__name__}: {exc}"
