"""A form field people never see (hidden by CSS, labelled "leave empty"); bots fill it in."""

from broadsheet.comments.pipeline.base import Check, Submission, Verdict

FIELD_NAME = "website"


class HoneypotCheck(Check):
    name = "honeypot"

    def check(self, submission: Submission) -> Verdict:
        if submission.honeypot.strip():
            return Verdict(Verdict.SPAM, "The hidden field was filled in.")
        return Verdict.approve("The hidden field was left empty.")
