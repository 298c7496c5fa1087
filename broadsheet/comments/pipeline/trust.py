"""New commenters wait until they have enough approved comments; so do often-rejected ones."""

from broadsheet.comments.models import Comment, CommentState
from broadsheet.comments.pipeline.base import Check, Submission, Verdict

DECIDED = [CommentState.APPROVED, CommentState.REJECTED, CommentState.SPAM]


class TrustCheck(Check):
    """Hold until ``trusted_after`` approved comments; hold when more than the policy's share of
    the last ``RECENT`` decided comments (at least ``MIN_DECIDED``) were rejected or spam."""

    name = "trust"

    def check(self, submission: Submission) -> Verdict:
        policy = submission.policy
        history = submission.history
        approved = history.approved
        if policy.hold_first_comments and approved < policy.trusted_after:
            return Verdict(Verdict.HOLD, f"New commenter ({approved} approved so far).")
        # The recent ones are among these: too few decided, or none refused, cannot hold.
        decided = approved + history.spam + history.rejected
        if decided < self.options.get("min_decided", 3) or not (history.spam + history.rejected):
            return Verdict.approve(f"Trusted commenter ({approved} approved).")
        recent = list(
            Comment.objects.by_commenter(email=submission.email, user=submission.user)
            .filter(state__in=DECIDED)
            .order_by("-created_at")
            .values_list("state", flat=True)[: self.options.get("recent", 10)]
        )
        if len(recent) >= self.options.get("min_decided", 3):
            rate = sum(state != CommentState.APPROVED for state in recent) / len(recent)
            if rate > policy.rejection_rate_threshold:
                return Verdict(Verdict.HOLD, f"{rate:.0%} of recent comments were rejected.")
        return Verdict.approve(f"Trusted commenter ({approved} approved).")
