"""The e2e stack's settings: production, with the comment rate limit sized for a load test.

Every request in the tests reaches the app from Varnish on 127.0.0.1, so the per-address
limit (one comment per 15 s) would refuse all but the first of the concurrent comments the
kill test sends. The rest of the moderation pipeline runs unchanged.
"""

from broadsheet.settings.production import *  # noqa: F403
from broadsheet.settings.production import BROADSHEET_COMMENT_CHECKS

BROADSHEET_COMMENT_CHECKS = [
    {**check, "MIN_INTERVAL": 0, "PER_HOUR": 1_000_000}
    if check["BACKEND"].endswith("RateLimitCheck")
    else check
    for check in BROADSHEET_COMMENT_CHECKS
]
