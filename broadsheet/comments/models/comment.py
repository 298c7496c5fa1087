"""A reader's comment, the verdicts the moderation pipeline left on it, its reports and likes."""

from django.conf import settings
from django.db import connection, models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommentState(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    REJECTED = "rejected", _("Rejected")
    REMOVED = "removed", _("Removed")


def commenter_q(*, email: str = "", user=None) -> Q:
    """ "The same commenter", the one definition: the same account, or the same email address
    in any case. Matches nothing when neither is given."""
    query = Q(pk__in=[])
    if user is not None and user.pk:
        query |= Q(user=user)
    if email:
        query |= Q(email__iexact=email)
    return query


def commenter_sql(*, email: str = "", user=None) -> tuple[str, list]:
    """:func:`commenter_q` as SQL over the comments table, with its parameters, for the one
    query written by hand (``pipeline.base.read_history``); ``tests/comments/test_history.py``
    holds the two to the same answers. Both backends compare ``UPPER(email)``, which
    ``comments_email_upper_idx`` serves (the ORM's ``iexact`` is a ``LIKE`` on SQLite: the
    same matches for the addresses it can store)."""
    quote = connection.ops.quote_name
    parts, params = [], []
    if user is not None and user.pk:
        parts.append(f"{quote('user_id')} = %s")
        params.append(user.pk)
    if email:
        parts.append(f"UPPER({quote('email')}) = UPPER(%s)")
        params.append(email)
    return f"({' OR '.join(parts) or '1 = 0'})", params


class CommentQuerySet(models.QuerySet):
    def visible(self) -> "CommentQuerySet":
        """Comments every reader sees."""
        return self.filter(state=CommentState.APPROVED)

    def for_article(self, article) -> "CommentQuerySet":
        return self.filter(article=article)

    def reported(self) -> "CommentQuerySet":
        """Comments with a report no moderator has dealt with yet, in any state but removed."""
        open_reports = Report.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True)
        return self.filter(Exists(open_reports)).exclude(state=CommentState.REMOVED)

    def by_commenter(self, *, email: str = "", user=None) -> "CommentQuerySet":
        """Everything one person wrote: by their account, or by their email address."""
        return self.filter(commenter_q(email=email, user=user))


class Comment(models.Model):
    """One comment under an article. Rows are never deleted by moderation, only change state."""

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="reader_comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of the thread (empty for top-level comments): one query loads a thread.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The comment actually answered; differs from parent when the reply was deeper than allowed.
    replied_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=0)
    state = models.CharField(
        max_length=10, choices=CommentState.choices, default=CommentState.PENDING, db_index=True
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("email"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reader_comments",
    )
    ip_hash = models.CharField(max_length=64, blank=True, db_index=True)
    guest_key_hash = models.CharField(max_length=64, blank=True, db_index=True)
    text = models.TextField(_("text"))
    # Normalised-text hash for duplicate detection (see text.fingerprint).
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    original_text = models.TextField(
        _("original text"), blank=True, help_text=_("What the reader wrote, if a moderator edited.")
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    notify_replies = models.BooleanField(_("notify me of replies"), default=False)
    featured = models.BooleanField(_("featured"), default=False)
    like_count = models.PositiveIntegerField(default=0)
    spam_score = models.FloatField(null=True, blank=True)
    # What the learned filter was taught from this comment: "", "spam" or "ham".
    trained_as = models.CharField(max_length=4, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    state_changed_at = models.DateTimeField(default=timezone.now)
    erased_at = models.DateTimeField(null=True, blank=True)
    # When the reply notification for this comment went out (it goes once, when first visible).
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        permissions = [("moderate_comment", _("Can moderate reader comments"))]
        indexes = [
            models.Index(fields=["article", "state", "parent"]),
            models.Index(fields=["thread", "state"]),
            models.Index(fields=["email"]),
            # Commenters are matched by email ignoring case (trust, duplicates, bans):
            # PostgreSQL compares UPPER(email), which the plain index cannot serve.
            models.Index(Upper("email"), name="comments_email_upper_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("comments:permalink", kwargs={"pk": self.pk})

    @property
    def is_visible(self) -> bool:
        return self.state == CommentState.APPROVED

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    @property
    def root_id(self) -> int:
        return self.thread_id or self.pk


class CommentVerdict(models.Model):
    """What one pipeline check said about a comment when it was submitted."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approve")
        HOLD = "hold", _("Hold")
        SPAM = "spam", _("Spam")
        REJECT = "reject", _("Reject")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="verdicts")
    position = models.PositiveSmallIntegerField(default=0)
    check_name = models.CharField(max_length=60)
    verdict = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.CharField(max_length=300, blank=True)
    score = models.FloatField(null=True, blank=True)
    decisive = models.BooleanField(default=False)

    class Meta:
        ordering = ["comment", "position"]

    def __str__(self) -> str:
        return f"{self.check_name}: {self.verdict}"


class Report(models.Model):
    """A reader flagging a comment for moderators."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("Spam")
        ABUSE = "abuse", _("Abusive or hateful")
        OFF_TOPIC = "off-topic", _("Off-topic")
        OTHER = "other", _("Something else")

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.CharField(max_length=500, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    guest_key_hash = models.CharField(max_length=64, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on #{self.comment_id}"


class Reaction(models.Model):
    """A like: one per account, or for guests one per signed cookie key and hashed IP."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    guest_key_hash = models.CharField(max_length=64, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=Q(user__isnull=False),
                name="comments_one_like_per_user",
            ),
            models.UniqueConstraint(
                fields=["comment", "guest_key_hash"],
                condition=Q(user__isnull=True) & ~Q(guest_key_hash=""),
                name="comments_one_like_per_guest",
            ),
        ]

    def __str__(self) -> str:
        return f"like on #{self.comment_id}"
