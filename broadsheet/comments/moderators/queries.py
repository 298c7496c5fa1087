"""Reads for the moderation area: queues, filters, a commenter's history."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from broadsheet.comments.models import Comment, CommentState, CommentVerdict
from broadsheet.comments.pipeline.learned import LearnedFilterCheck

QUEUES = {
    "pending": "Pending",
    "reported": "Reported",
    "approved": "Approved",
    "spam": "Spam",
    "rejected": "Rejected",
    "removed": "Removed",
}


def queue(name: str) -> QuerySet:
    """A queue's comments, each with ``filter_reason``: what the learned filter said of it.

    A comment's ``spam_score`` is the learned filter's, stored when the comment was posted
    (the starter model's until the site has its own). Comments that did not go through the
    checks (imports, the demo) have no score and no verdict; comments posted before the
    filter scored everything may have a verdict without a score, and the reason says why.
    """
    said = CommentVerdict.objects.filter(comment=OuterRef("pk"), check_name=LearnedFilterCheck.name)
    comments = Comment.objects.select_related("article", "parent").annotate(
        filter_reason=Subquery(said.order_by("-pk").values("reason")[:1])
    )
    if name == "reported":
        return comments.reported().annotate(
            open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True))
        )
    return comments.filter(state=name)


def queue_counts() -> dict[str, int]:
    """Comments waiting in the two queues that need work, for the menu. One query each."""
    return {
        "pending": Comment.objects.filter(state=CommentState.PENDING).count(),
        "reported": Comment.objects.reported().count(),
    }


@dataclass
class Filters:
    q: str = ""
    article: str = ""
    section: str = ""
    commenter: str = ""
    since: str = ""
    until: str = ""

    @classmethod
    def from_request(cls, request) -> "Filters":
        return cls(**{name: request.GET.get(name, "").strip() for name in cls.__annotations__})

    def apply(self, comments: QuerySet) -> QuerySet:
        if self.q:
            comments = comments.filter(Q(text__icontains=self.q) | Q(name__icontains=self.q))
        if self.article.isdigit():
            comments = comments.filter(article_id=int(self.article))
        if self.section:
            comments = comments.filter(article__url_path__contains=f"/{self.section}/")
        if self.commenter:
            who = self.commenter
            comments = comments.filter(
                Q(email__iexact=who) | Q(name__iexact=who) | Q(user__username__iexact=who)
            )
        if self.since:
            comments = comments.filter(created_at__date__gte=self.since)
        if self.until:
            comments = comments.filter(created_at__date__lte=self.until)
        return comments


def commenter_history(comment: Comment) -> dict:
    """How the same person's other comments fared, by state."""
    others = Comment.objects.by_commenter(email=comment.email, user=comment.user).exclude(
        pk=comment.pk
    )
    counts = dict(others.values_list("state").annotate(n=Count("pk")).order_by())
    recent = list(others.select_related("article").order_by("-created_at")[:10])
    return {"counts": {s: counts.get(s, 0) for s in CommentState.values}, "recent": recent}
