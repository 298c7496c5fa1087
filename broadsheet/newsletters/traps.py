"""Bot traps and rate limits for the sign-up form, as the comment form has them.

The form is baked into cached pages, so it holds no CSRF token: a post is accepted from our
own origin only (``comments.web.same_origin``), with a signed render time (too fast is a bot,
too old is "send again") and a field people never see. Counts live in Django's cache and fail
open while Redis is down, as the comments' do.
"""

import time

from django.core import signing
from django.core.cache import cache

from broadsheet.comments.pipeline.honeypot import FIELD_NAME as HONEYPOT

__all__ = ["HONEYPOT", "TrapSprung", "check", "count", "form_token"]

SALT = "broadsheet.newsletters.form"
MIN_SECONDS = 2
MAX_AGE = 2 * 24 * 3600
PER_HOUR_PER_ADDRESS = 5
PER_HOUR_PER_IP = 30


class TrapSprung(Exception):  # noqa: N818 - reads as "a trap was sprung"
    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def form_token(*, now: float | None = None) -> str:
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


def check(*, token: str, honeypot: str, now: float | None = None) -> None:
    """Raise :class:`TrapSprung` for a filled hidden field, a forged, too quick or stale form."""
    now = now if now is not None else time.time()
    if honeypot.strip():
        raise TrapSprung("This sign-up could not be accepted.")
    try:
        shown = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise TrapSprung(
            "This form is not ours, or it was changed. Please sign up again."
        ) from None
    age = now - int(shown)
    if age < MIN_SECONDS:
        raise TrapSprung("That was very fast. Please wait a moment and send the form again.")
    if age > MAX_AGE:
        raise TrapSprung("This form was open too long. Please send it again.")


def count(*, email: str, ip_hash: str) -> None:
    """Confirmation emails per address and sign-ups per network address, an hour each."""
    for key, limit in (
        (f"email:{email}", PER_HOUR_PER_ADDRESS),
        (f"ip:{ip_hash}", PER_HOUR_PER_IP),
    ):
        if not ip_hash and key.startswith("ip:"):
            continue
        full = f"broadsheet:newsletters:rate:{key}"
        if cache.add(full, 1, timeout=3600):
            continue
        try:
            value = cache.incr(full)
        except ValueError:
            cache.set(full, 1, timeout=3600)
            continue
        if value > limit:
            raise TrapSprung(
                "Many sign-ups came from here in the last hour. Please try later.", status=429
            )
