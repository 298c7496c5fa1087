"""The same text again: from the same commenter, or flooding several articles."""

from datetime import timedelta

from django.db.models import Q

from broadsheet.comments.models import Comment
from broadsheet.comments.pipeline.base import Check, Submission, Verdict


class DuplicateCheck(Check):
    """Same commenter, same words within ``DAYS`` days: reject. Same words on ``FLOOD_ARTICLES``
    or more other articles within a day, from anyone: spam."""

    name = "duplicates"

    def check(self, submission: Submission) -> Verdict:
        if not submission.fingerprint:
            return Verdict.approve("Nothing to compare.")
        same_text = Comment.objects.filter(fingerprint=submission.fingerprint)
        since = submission.now - timedelta(days=self.options.get("days", 30))
        mine = Q(email__iexact=submission.email) if submission.email else Q(pk__in=[])
        if submission.user is not None and submission.user.pk:
            mine |= Q(user=submission.user)
        if same_text.filter(mine, created_at__gte=since).exists():
            return Verdict(Verdict.REJECT, "The same commenter already sent this text.")
        recent = same_text.filter(created_at__gte=submission.now - timedelta(days=1))
        articles = recent.exclude(article=submission.article).values("article").distinct().count()
        if articles >= self.options.get("flood_articles", 3):
            return Verdict(
                Verdict.SPAM, f"The same text was posted under {articles} other articles."
            )
        return Verdict.approve("Not a duplicate.")
