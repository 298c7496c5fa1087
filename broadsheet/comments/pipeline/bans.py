"""Banned commenters: by email, email domain, IP hash or account, until the ban expires.

Every post asks; bans change only through moderation, so each process keeps the active ones,
indexed, until the moderation generation moves (``broadsheet.caching.fragments``): saving, lifting
or deleting a ban moves it. A site with more than :data:`KEPT_BANS` active bans is asked in
the database each time instead.
"""

from datetime import datetime

from django.db.models import Q
from django.utils import timezone

from broadsheet.caching import fragments
from broadsheet.comments.models import Ban
from broadsheet.comments.pipeline.base import Check, Submission, Verdict

KEPT_BANS = 10_000

type BanIndex = dict[tuple[str, object], list[Ban]]


def _targets(*, email: str, ip_hash: str, user) -> list[tuple[str, object]]:
    targets: list[tuple[str, object]] = []
    if email:
        email = email.strip().lower()
        targets += [(Ban.Kind.EMAIL, email), (Ban.Kind.DOMAIN, email.rpartition("@")[2])]
    if ip_hash:
        targets.append((Ban.Kind.IP_HASH, ip_hash))
    if user is not None and user.pk:
        targets.append((Ban.Kind.USER, user.pk))
    return targets


def matching_bans(*, email: str = "", ip_hash: str = "", user=None, now=None):
    """The active bans that apply, newest first (a query)."""
    query = Q(pk__in=[])
    for kind, value in _targets(email=email, ip_hash=ip_hash, user=user):
        query |= Q(kind=kind, user=value) if kind == Ban.Kind.USER else Q(kind=kind, value=value)
    return Ban.objects.active(now=now).filter(query)


def _index() -> BanIndex | None:
    """Bans active now (or later: expiry is checked per post), by what they ban."""
    active = Ban.objects.active(now=timezone.now())
    if active.count() > KEPT_BANS:
        return None
    index: BanIndex = {}
    for ban in active:
        target = ban.user_id if ban.kind == Ban.Kind.USER else ban.value
        index.setdefault((ban.kind, target), []).append(ban)
    return index


def find_ban(*, email: str = "", ip_hash: str = "", user=None, now: datetime) -> Ban | None:
    """The newest ban that applies at ``now``, or None."""
    index = fragments.remember("active-bans", [], _index, depends_on=[fragments.MODERATION])
    if index is None:
        return matching_bans(email=email, ip_hash=ip_hash, user=user, now=now).first()
    found = [
        ban
        for target in _targets(email=email, ip_hash=ip_hash, user=user)
        for ban in index.get(target, ())
        if ban.expires_at is None or ban.expires_at > now
    ]
    return max(found, key=lambda ban: (ban.created_at, ban.pk), default=None)


class BanCheck(Check):
    name = "bans"

    def check(self, submission: Submission) -> Verdict:
        email = submission.email or getattr(submission.user, "email", "")
        ban = find_ban(
            email=email, ip_hash=submission.ip_hash, user=submission.user, now=submission.now
        )
        if ban is not None:
            until = f" until {ban.expires_at:%Y-%m-%d %H:%M}" if ban.expires_at else ""
            return Verdict(
                Verdict.REJECT, f"Banned ({ban.get_kind_display()}){until}: {ban.reason}"
            )
        return Verdict.approve("No ban applies.")
