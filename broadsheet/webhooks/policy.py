"""When to try a failed delivery again, when to give it up, when to stop a subscription.

Terms: a delivery is one event to one subscription; an attempt is one POST of it. A delivery
that fails is tried again after 1 minute, then 2, 4, 8… (never more than an hour apart),
until 24 hours after its first attempt; a retry that would fall later is not made, and the
delivery is given up. A subscription is disabled when a delivery to it is given up and no
attempt to it has succeeded since that delivery's first attempt: every attempt for a day has
failed. One success in that time (``failing_since`` moves past the delivery's first attempt)
keeps a receiver that is only flaky subscribed. The log keeps an event 30 days, longer while
one of its deliveries still waits. Pure: times come in as arguments.
"""

from datetime import datetime, timedelta

FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=1)
RETRY_FOR = timedelta(hours=24)
#: How long the log keeps an event once none of its deliveries is waiting any more.
KEEP_FOR = timedelta(days=30)


def succeeded(status_code: int | None) -> bool:
    """Only a 2xx answer delivers; a redirect is not followed (the address should be fixed)."""
    return status_code is not None and 200 <= status_code < 300


def retry_delay(failures: int) -> timedelta:
    """How long to wait after the ``failures``-th failed attempt of a delivery."""
    return min(FIRST_DELAY * 2 ** max(failures - 1, 0), MAX_DELAY)


def next_attempt_at(
    *, first_attempt_at: datetime, failures: int, failed_at: datetime
) -> datetime | None:
    """When to try again after a failure, or ``None`` to give the delivery up."""
    at = failed_at + retry_delay(failures)
    return at if at <= first_attempt_at + RETRY_FOR else None


def should_disable(*, failing_since: datetime | None, given_up_since: datetime) -> bool:
    """After giving up a delivery first tried at ``given_up_since``: stop the subscription?"""
    return failing_since is not None and failing_since <= given_up_since
