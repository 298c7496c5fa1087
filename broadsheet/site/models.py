"""The breaking news banner: one line across the top of every page of a site, for a while.

Each time an editor sets a banner a row is kept (who, when, what), so the desk can see what
ran; setting a new one or taking it down ends the last. See :mod:`broadsheet.site.breaking`
for how it reaches pages that are cached for much longer than it runs.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


def validate_link(value: str) -> None:
    """A path on this site (``/news/…``) or an http(s) address elsewhere."""
    if not (value.startswith("/") and not value.startswith("//")) and not (
        value.startswith(("https://", "http://")) and len(value) > 8
    ):
        raise ValidationError(
            _("Give a path on this site (starting with /) or an address starting with https://."),
            code="invalid_link",
        )


class BreakingNewsQuerySet(models.QuerySet):
    def running(self, at=None) -> "BreakingNewsQuerySet":
        """Banners neither taken down nor past their expiry, newest first."""
        at = at or timezone.now()
        return (
            self.filter(ended_at__isnull=True)
            .filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=at))
            .order_by("-created_at", "-pk")
        )


class BreakingNews(models.Model):
    """One banner as an editor set it. At most one per site is running at a time."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("text"), max_length=160)
    link = models.CharField(_("link"), max_length=500, blank=True, validators=[validate_link])
    expires_at = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("Leave empty to keep it until taken down.")
    )
    article = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The article flagged as breaking, when it was set from one."),
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = BreakingNewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("breaking news banner")
        verbose_name_plural = _("breaking news banners")
        indexes = [models.Index(fields=["site", "ended_at", "-created_at"])]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        if self.expires_at is not None and self.expires_at <= timezone.now():
            raise ValidationError({"expires_at": _("The expiry must be in the future.")})

    def running_at(self, at) -> bool:
        return self.ended_at is None and (self.expires_at is None or self.expires_at > at)
