"""Template helpers for the reader site's frame (navigation, dates)."""

from datetime import datetime

from django import template
from django.utils import dateformat, timezone

from broadsheet.articles.models import SectionPage
from broadsheet.core.models import DEFAULT_DATE_FORMAT, SiteSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context: template.Context) -> list[SectionPage]:
    """The live sections, in the order editors arranged them in the page tree.

    Privacy restrictions are not checked here (that costs a query on every page); a restricted
    section still asks for its password or login when opened.
    """
    request = context.get("request")
    cached = getattr(request, "_broadsheet_sections", None)
    if cached is None:
        cached = list(SectionPage.objects.live().order_by("path").only("title", "url_path"))
        if request is not None:
            request._broadsheet_sections = cached
    return cached


@register.simple_tag(takes_context=True)
def site_date(context: template.Context, value: datetime | None) -> str:
    """Format a date-time in the site's date format and time zone (set by the middleware)."""
    if value is None:
        return ""
    request = context.get("request")
    date_format = SiteSettings.for_request(request).date_format if request else DEFAULT_DATE_FORMAT
    return dateformat.format(timezone.localtime(value), date_format)
