"""Rate limits per API key and per client address, counted in the default cache (Redis in
production) by the minute.

Fails open like the comments' flood control: while Redis is unreachable the cache forgets every
count (``broadsheet.caching.resilient``) and every request passes, rather than every client
being refused for as long as the outage lasts.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings

from broadsheet.caching import counters

WINDOW = 60
ANONYMOUS_PER_MINUTE = 60


@dataclass(frozen=True)
class Allowance:
    limit: int
    remaining: int
    reset: int  # seconds until the window ends

    @property
    def exceeded(self) -> bool:
        return self.remaining < 0

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Policy": f"{self.limit};w={WINDOW}",
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(max(self.remaining, 0)),
            "RateLimit-Reset": str(self.reset),
        }


def anonymous_limit() -> int:
    """Requests a minute per address without a key (``BROADSHEET_API_ANONYMOUS_PER_MINUTE``)."""
    return int(getattr(settings, "BROADSHEET_API_ANONYMOUS_PER_MINUTE", ANONYMOUS_PER_MINUTE))


def count(who: str, limit: int) -> Allowance:
    """Count one request of ``who`` (a key's lookup id or an address) in this minute."""
    now = int(time.time())
    window = now - now % WINDOW
    name = hashlib.sha256(who.encode()).hexdigest()[:32]
    key = f"broadsheet:api:rate:{name}:{window}"
    (used,) = counters.count([key], seconds=WINDOW + 1)
    return Allowance(limit=limit, remaining=limit - used, reset=window + WINDOW - now)
