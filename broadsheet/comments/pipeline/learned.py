"""The learned spam filter: spam when it is sure, held when it is not, else on to the others."""

from broadsheet.comments import spamfilter
from broadsheet.comments.learning import load_filter
from broadsheet.comments.pipeline.base import Check, Submission, Verdict

DECISIONS = {
    spamfilter.SPAM: Verdict.SPAM,
    spamfilter.HOLD: Verdict.HOLD,
    spamfilter.CLEAN: Verdict.APPROVE,
}


class LearnedFilterCheck(Check):
    """Three outcomes from the filter in force (``learning.load_filter``): spam above the
    threshold calibrated for the policy's target precision (or ``PRECISION``), held above the
    one for its share of spam to keep out of view (or ``HOLD_RECALL``), else approve."""

    name = "learned filter"
    runs_on_edit = True

    def check(self, submission: Submission) -> Verdict:
        history = submission.history
        comment = spamfilter.Comment(
            text=submission.text,
            name=submission.name,
            email=submission.email,
            signed_in=submission.user is not None and bool(submission.user.pk),
            approved_before=history.approved,
            spam_before=history.spam,
            rejected_before=history.rejected,
        )
        judgement = load_filter().judge(
            comment,
            precision=self.options.get("precision", submission.policy.spam_precision),
            recall=self.options.get("hold_recall", submission.policy.spam_hold_recall),
        )
        return Verdict(DECISIONS[judgement.outcome], judgement.reason, judgement.score)
