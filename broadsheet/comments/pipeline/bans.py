"""Banned commenters: by email, email domain, IP hash or account, until the ban expires."""

from django.db.models import Q

from broadsheet.comments.models import Ban
from broadsheet.comments.pipeline.base import Check, Submission, Verdict


def matching_bans(*, email: str = "", ip_hash: str = "", user=None, now=None):
    query = Q(pk__in=[])
    if email:
        email = email.strip().lower()
        query |= Q(kind=Ban.Kind.EMAIL, value=email)
        query |= Q(kind=Ban.Kind.DOMAIN, value=email.rpartition("@")[2])
    if ip_hash:
        query |= Q(kind=Ban.Kind.IP_HASH, value=ip_hash)
    if user is not None and user.pk:
        query |= Q(kind=Ban.Kind.USER, user=user)
    return Ban.objects.active(now=now).filter(query)


class BanCheck(Check):
    name = "bans"

    def check(self, submission: Submission) -> Verdict:
        email = submission.email or getattr(submission.user, "email", "")
        ban = matching_bans(
            email=email, ip_hash=submission.ip_hash, user=submission.user, now=submission.now
        ).first()
        if ban is not None:
            until = f" until {ban.expires_at:%Y-%m-%d %H:%M}" if ban.expires_at else ""
            return Verdict(
                Verdict.REJECT, f"Banned ({ban.get_kind_display()}){until}: {ban.reason}"
            )
        return Verdict.approve("No ban applies.")
