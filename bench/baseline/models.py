from wagtail.blocks import RawHTMLBlock
from wagtail.fields import StreamField
from wagtail.models import Page


class PlainPage(Page):
    """A page that is one StreamField of raw HTML."""

    body = StreamField([("html", RawHTMLBlock())], blank=True)
