"""Comments with more links than the policy allows wait for a moderator."""

from broadsheet.comments.pipeline.base import Check, Submission, Verdict
from broadsheet.comments.text import count_links


class LinkCountCheck(Check):
    name = "links"
    runs_on_edit = True

    def check(self, submission: Submission) -> Verdict:
        links = count_links(submission.text)
        allowed = submission.policy.max_links
        if links > allowed:
            return Verdict(Verdict.HOLD, f"{links} links (more than {allowed}).")
        return Verdict.approve(f"{links} links.")
