"""New commenters wait until they have enough approved comments; so do often-rejected ones."""

from django.db.models import Q

from broadsheet.comments.models import Comment, CommentState
from broadsheet.comments.pipeline.base import Check, Submission, Verdict

DECIDED = [CommentState.APPROVED, CommentState.REJECTED, CommentState.SPAM]


class TrustCheck(Check):
    """Hold until ``trusted_after`` approved comments; hold when more than the policy's share of
    the last ``RECENT`` decided comments (at least ``MIN_DECIDED``) were rejected or spam."""

    name = "trust"

    def check(self, submission: Submission) -> Verdict:
        policy = submission.policy
        history = self._history(submission)
        approved = history.filter(state=CommentState.APPROVED).count()
        if policy.hold_first_comments and approved < policy.trusted_after:
            return Verdict(Verdict.HOLD, f"New commenter ({approved} approved so far).")
        recent = list(
            history.filter(state__in=DECIDED)
            .order_by("-created_at")
            .values_list("state", flat=True)[: self.options.get("recent", 10)]
        )
        if len(recent) >= self.options.get("min_decided", 3):
            rate = sum(state != CommentState.APPROVED for state in recent) / len(recent)
            if rate > policy.rejection_rate_threshold:
                return Verdict(Verdict.HOLD, f"{rate:.0%} of recent comments were rejected.")
        return Verdict.approve(f"Trusted commenter ({approved} approved).")

    def _history(self, submission: Submission):
        query = Q(pk__in=[])
        if submission.user is not None and submission.user.pk:
            query |= Q(user=submission.user)
        if submission.email:
            query |= Q(email__iexact=submission.email)
        return Comment.objects.filter(query)
