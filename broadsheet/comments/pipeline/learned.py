"""The learned spam filter, trained by moderators' spam / not-spam decisions."""

from broadsheet.comments.learning import load_filter
from broadsheet.comments.pipeline.base import Check, Submission, Verdict


class LearnedFilterCheck(Check):
    """Spam when the filter's probability reaches the policy's threshold (or ``THRESHOLD``)."""

    name = "learned filter"
    runs_on_edit = True

    def check(self, submission: Submission) -> Verdict:
        spam_filter = load_filter()
        score = spam_filter.score(submission.text)
        if score is None:
            spam, ham = spam_filter.examples
            return Verdict.approve(f"Still learning ({spam} spam, {ham} not-spam examples).")
        threshold = self.options.get("threshold", submission.policy.spam_score_threshold)
        if score >= threshold:
            return Verdict(Verdict.SPAM, f"Spam probability {score:.2f} ≥ {threshold:.2f}.", score)
        return Verdict.approve(f"Spam probability {score:.2f}.", score)
