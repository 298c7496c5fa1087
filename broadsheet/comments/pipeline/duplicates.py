"""The same text again: from the same commenter, or flooding several articles."""

from datetime import timedelta

from django.db.models import Count, Q

from broadsheet.comments.models import Comment, commenter_q
from broadsheet.comments.pipeline.base import Check, Submission, Verdict


class DuplicateCheck(Check):
    """Same commenter, same words within ``DAYS`` days: reject. Same words on ``FLOOD_ARTICLES``
    or more other articles within a day, from anyone: spam."""

    name = "duplicates"

    def check(self, submission: Submission) -> Verdict:
        if not submission.fingerprint:
            return Verdict.approve("Nothing to compare.")
        since = submission.now - timedelta(days=self.options.get("days", 30))
        day_ago = submission.now - timedelta(days=1)
        mine = commenter_q(email=submission.email, user=submission.user)
        # Both questions in one query over the (indexed) fingerprint.
        found = Comment.objects.filter(
            fingerprint=submission.fingerprint, created_at__gte=min(since, day_ago)
        ).aggregate(
            mine=Count("pk", filter=mine & Q(created_at__gte=since)),
            articles=Count(
                "article",
                distinct=True,
                filter=Q(created_at__gte=day_ago) & ~Q(article=submission.article),
            ),
        )
        if found["mine"]:
            return Verdict(Verdict.REJECT, "The same commenter already sent this text.")
        articles = found["articles"]
        if articles >= self.options.get("flood_articles", 3):
            return Verdict(
                Verdict.SPAM, f"The same text was posted under {articles} other articles."
            )
        return Verdict.approve("Not a duplicate.")
