"""Per-site settings editors change in the admin (Settings → Site settings)."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from broadsheet.core.reading_time import DEFAULT_WORDS_PER_MINUTE

DEFAULT_DATE_FORMAT = "d.m.Y"


def validate_time_zone(value: str) -> None:
    """Accept only IANA time zone names this machine knows, e.g. ``Europe/Berlin``."""
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def validate_date_format(value: str) -> None:
    """A Django date format string must produce some text for a sample date."""
    try:
        rendered = dateformat.format(timezone.now(), value)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValidationError(
            _("This date format cannot be used: %(error)s"), params={"error": exc}
        ) from exc
    if not rendered.strip():
        raise ValidationError(_("This date format produces no text."))


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    site_name = models.CharField(_("site name"), max_length=100, default="Broadsheet")
    date_format = models.CharField(
        _("date format"),
        max_length=40,
        default=DEFAULT_DATE_FORMAT,
        validators=[validate_date_format],
        help_text=_(
            "A Django date format string: d.m.Y shows 06.12.2025, N j, Y shows Dec. 6, 2025."
        ),
    )
    words_per_minute = models.PositiveSmallIntegerField(
        _("reading speed (words per minute)"),
        default=DEFAULT_WORDS_PER_MINUTE,
        help_text=_("Used for the reading time shown on articles."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("IANA name such as Europe/Berlin; dates and times are shown in it."),
    )
    feed_full_text = models.BooleanField(
        _("full text in feeds"),
        default=False,
        help_text=_(
            "Put whole articles in the RSS, Atom and JSON feeds. Off: feeds carry the standfirst "
            "and a link."
        ),
    )

    panels = [
        FieldPanel("site_name"),
        FieldPanel("date_format"),
        FieldPanel("words_per_minute"),
        FieldPanel("time_zone"),
        FieldPanel("feed_full_text"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def __str__(self) -> str:
        return self.site_name
