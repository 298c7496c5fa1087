"""Flood control per IP hash and per commenter, counted in Django's cache (Redis in production).

Fails open: while Redis is unreachable the cache forgets every count
(``broadsheet.caching.resilient``), so every post passes this check. Refusing every reader's
comment for as long as an outage lasts would be worse than a while without flood control. The
checks that read the database (bans, word lists, duplicates, links, the learned filter,
premoderation) still run: only the pace of posting goes unchecked.
"""

from django.core.cache import cache

from broadsheet.comments.pipeline.base import Check, Refused, Submission, Verdict

HOUR = 3600


class RateLimitCheck(Check):
    """At most one comment per ``MIN_INTERVAL`` seconds and ``PER_HOUR`` an hour per key."""

    name = "rate limit"

    def check(self, submission: Submission) -> Verdict:
        keys = [f"commenter:{submission.commenter_key}"]
        if submission.ip_hash:
            keys.append(f"ip:{submission.ip_hash}")
        interval = self.options.get("min_interval", 15)
        per_hour = self.options.get("per_hour", 20)
        for key in keys:
            self._count(key, interval=interval, per_hour=per_hour)
        return Verdict.approve("Within the rate limits.")

    def _count(self, key: str, *, interval: int, per_hour: int) -> None:
        prefix = "broadsheet:comments:rate:"
        if interval and not cache.add(f"{prefix}flood:{key}", 1, timeout=interval):
            raise Refused(
                f"You are commenting very fast. Please wait {interval} seconds and send again.",
                status=429,
                code="rate",
            )
        count = _add_one(f"{prefix}hour:{key}")
        if count > per_hour:
            raise Refused(
                "You have sent many comments in the last hour. Please try again later.",
                status=429,
                code="rate",
            )


def _add_one(key: str) -> int:
    """Count one more in the hour that started with the key's first count; usually one round
    trip to the cache (two for the first count of an hour)."""
    try:
        return cache.incr(key)
    except ValueError:  # no count yet this hour
        if cache.add(key, 1, timeout=HOUR):
            return 1
    try:
        return cache.incr(key)  # another request started the hour first
    except ValueError:  # and it expired in between: start again
        cache.set(key, 1, timeout=HOUR)
        return 1
