"""Pre-moderated articles and sections: every comment waits for a moderator."""

from broadsheet.comments.models import Mode
from broadsheet.comments.pipeline.base import Check, Submission, Verdict


class PremoderationCheck(Check):
    name = "pre-moderation"

    def check(self, submission: Submission) -> Verdict:
        if submission.policy.mode == Mode.PREMODERATED:
            return Verdict(Verdict.HOLD, "Comments here are pre-moderated.")
        return Verdict.approve("Post-moderated.")
