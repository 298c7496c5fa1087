"""Flood control per IP hash and per commenter, counted in Django's cache (Redis in production).

Fails open: while Redis is unreachable the cache forgets every count
(``broadsheet.caching.resilient``), so every post passes this check. Refusing every reader's
comment for as long as an outage lasts would be worse than a while without flood control. The
checks that read the database (bans, word lists, duplicates, links, the learned filter,
premoderation) still run: only the pace of posting goes unchecked.
"""

from broadsheet.caching import counters
from broadsheet.comments.pipeline.base import Check, Refused, Submission, Verdict

HOUR = 3600
PREFIX = "broadsheet:comments:rate:"


class RateLimitCheck(Check):
    """At most one comment per ``MIN_INTERVAL`` seconds and ``PER_HOUR`` an hour per key.

    Two round trips to Redis whatever the number of keys: the flood markers, then (when none
    was set already) the hourly counts, so a post refused as too fast is not counted.
    """

    name = "rate limit"

    def check(self, submission: Submission) -> Verdict:
        keys = [f"commenter:{submission.commenter_key}"]
        if submission.ip_hash:
            keys.append(f"ip:{submission.ip_hash}")
        interval = self.options.get("min_interval", 15)
        per_hour = self.options.get("per_hour", 20)
        if interval and not all(
            counters.mark([f"{PREFIX}flood:{key}" for key in keys], seconds=interval)
        ):
            raise Refused(
                f"You are commenting very fast. Please wait {interval} seconds and send again.",
                status=429,
                code="rate",
            )
        counts = counters.count([f"{PREFIX}hour:{key}" for key in keys], seconds=HOUR)
        if max(counts) > per_hour:
            raise Refused(
                "You have sent many comments in the last hour. Please try again later.",
                status=429,
                code="rate",
            )
        return Verdict.approve("Within the rate limits.")
