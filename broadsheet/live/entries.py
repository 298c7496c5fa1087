"""Entries of live blogs: rows, not pages, so posting one publishes no page revision."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from broadsheet.articles.blocks import ArticleBodyBlock
from broadsheet.articles.models import Author


class LiveEntryQuerySet(models.QuerySet):
    def visible(self) -> "LiveEntryQuerySet":
        """What readers see: published (not waiting for its time) and not deleted."""
        return self.filter(is_published=True, deleted_at__isnull=True)

    def newest_first(self) -> "LiveEntryQuerySet":
        return self.order_by("-published_at", "-pk")

    def for_reading(self) -> "LiveEntryQuerySet":
        return self.prefetch_related("authors")


class LiveEntry(models.Model):
    """One update of a live blog: live as soon as it is saved, unless scheduled for later."""

    blog = models.ForeignKey("live.LiveBlogPage", on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    authors = models.ManyToManyField(
        Author, blank=True, related_name="live_entries", verbose_name=_("authors")
    )
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        help_text=_("The time readers see. A time still to come schedules the entry."),
    )
    is_published = models.BooleanField(default=True, editable=False)
    key_event = models.BooleanField(
        _("key event"), default=False, help_text=_("Listed among the key events on top.")
    )
    pinned = models.BooleanField(
        _("pinned"), default=False, help_text=_("Shown first; pinning it unpins any other.")
    )
    correction = models.TextField(
        _("correction"), blank=True, help_text=_("What was wrong, shown under the entry.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        indexes = [
            models.Index(fields=["blog", "published_at", "id"], name="live_entry_time_idx"),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.blog.title} · {self.published_at:%H:%M}"

    def get_absolute_url(self) -> str:
        return f"{self.blog.url}entries/{self.pk}/"

    @property
    def anchor(self) -> str:
        return f"entry-{self.pk}"
