"""The same text again: from the same commenter, or flooding several articles."""

from broadsheet.comments.pipeline.base import SAME_TEXT_DAYS, Check, Submission, Verdict


class DuplicateCheck(Check):
    """Same commenter, same words within :data:`~.base.SAME_TEXT_DAYS` days: reject. Same
    words on ``FLOOD_ARTICLES`` or more other articles within a day, from anyone: spam.

    Both counts come with the commenter's record (:func:`~.base.read_history`), in the one
    query every post makes.
    """

    name = "duplicates"

    def check(self, submission: Submission) -> Verdict:
        if not submission.fingerprint:
            return Verdict.approve("Nothing to compare.")
        history = submission.history
        if history.same_text:
            return Verdict(
                Verdict.REJECT,
                f"The same commenter already sent this text in the last {SAME_TEXT_DAYS} days.",
            )
        articles = history.same_text_articles
        if articles >= self.options.get("flood_articles", 3):
            return Verdict(
                Verdict.SPAM, f"The same text was posted under {articles} other articles."
            )
        return Verdict.approve("Not a duplicate.")
