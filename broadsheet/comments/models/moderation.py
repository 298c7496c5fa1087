"""What moderators keep: bans, the moderation log, word lists and the learned filter's state."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class BanQuerySet(models.QuerySet):
    def active(self, *, now=None) -> "BanQuerySet":
        now = now or timezone.now()
        return self.filter(lifted_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )


class Ban(models.Model):
    """A commenter who may not comment, by email, email domain, IP hash or account."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("Email address")
        DOMAIN = "domain", _("Email domain")
        IP_HASH = "ip", _("IP hash")
        USER = "user", _("Account")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    value = models.CharField(
        max_length=254, blank=True, help_text=_("Email, domain or IP hash; empty for accounts.")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Leave empty to ban until lifted.")
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = BanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self) -> str:
        target = self.user if self.kind == self.Kind.USER else self.value
        return f"{self.get_kind_display()}: {target}"

    def save(self, *args, **kwargs):
        if self.kind in (self.Kind.EMAIL, self.Kind.DOMAIN):
            self.value = self.value.strip().lower()
        return super().save(*args, **kwargs)


class ModerationAction(models.Model):
    """One line of the moderation log: who did what to which comment, when and why."""

    comment = models.ForeignKey(
        "comments.Comment", null=True, blank=True, on_delete=models.SET_NULL, related_name="log"
    )
    article = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, db_index=True)
    from_state = models.CharField(max_length=10, blank=True)
    to_state = models.CharField(max_length=10, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} #{self.comment_id or '-'}"


class BannedWord(models.Model):
    """A word or phrase: "ban" rejects the comment, "suspect" holds it for a moderator."""

    class Kind(models.TextChoices):
        BAN = "ban", _("Banned (reject)")
        SUSPECT = "suspect", _("Suspect (hold)")

    word = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SUSPECT)
    created_at = models.DateTimeField(default=timezone.now)

    panels = [FieldPanel("word"), FieldPanel("kind")]

    class Meta:
        ordering = ["word"]
        verbose_name = _("banned or suspect word")

    def __str__(self) -> str:
        return self.word


class SpamFilterState(models.Model):
    """The site's own spam filter as JSON (``spamfilter.SpamFilter.to_dict()``); one row.

    Empty until the site has enough decisions to train one: the starter model shipped with
    Broadsheet is used meanwhile. ``decisions_since_training`` counts moderators' decisions made
    since the state was last written; enough of them queue a retraining (``learning.py``).
    """

    state = models.JSONField(default=dict)
    decisions_since_training = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"spam filter state ({self.updated_at:%Y-%m-%d %H:%M})"
