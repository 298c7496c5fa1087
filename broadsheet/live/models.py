"""Live coverage: a live blog page in a section, and the entries editors post to it.

Entries are rows, not pages: posting one needs no page revision or publication, and a blog
of thousands of entries is read a page of entries at a time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from broadsheet.articles.blocks import TEXT_FEATURES
from broadsheet.articles.models import Author, RememberedPrivacy
from broadsheet.articles.stories import Story
from broadsheet.images.models import Photo
from broadsheet.live import reader
from broadsheet.live.entries import LiveEntry

__all__ = ["LiveBlogAuthor", "LiveBlogPage", "LiveEntry", "Status"]


class Status(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    LIVE = "live", _("Live")
    ENDED = "ended", _("Ended")


class LiveBlogPage(RoutablePageMixin, RememberedPrivacy, Page):
    """Minute-by-minute coverage of one event. The page title is the headline."""

    standfirst = models.TextField(_("standfirst"), max_length=400)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.UPCOMING
    )
    coverage_start = models.DateTimeField(_("coverage starts"), null=True, blank=True)
    coverage_end = models.DateTimeField(_("coverage ends"), null=True, blank=True)
    key_points = RichTextField(
        _("key points"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("The story so far in a few bullet points; keep it current."),
    )
    hero_image = models.ForeignKey(
        Photo, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(_("hero caption"), max_length=500, blank=True)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="live_blogs"
    )
    story_note = models.CharField(_("what's new"), max_length=200, blank=True)

    content_panels = [
        TitleFieldPanel("title", heading=_("Headline"), placeholder=_("Headline*")),
        FieldPanel("standfirst"),
        InlinePanel("blog_authors", heading=_("Byline"), label=_("Author")),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("coverage_start"), FieldPanel("coverage_end")],
            heading=_("Coverage"),
        ),
        FieldPanel("key_points"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")
        ),
        MultiFieldPanel(
            [FieldPanel("story"), FieldPanel("story_note")], heading=_("Developing story")
        ),
    ]
    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []
    template = "live/live_blog_page.html"

    class Meta:
        verbose_name = _("live blog")

    @property
    def is_live(self) -> bool:
        return self.status == Status.LIVE

    @property
    def hero_caption_text(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.default_caption if self.hero_image else ""

    # The reader views are in reader.py; these routes only hand them the page.
    @path("")
    def head(self, request):
        return reader.head(request, self)

    @path("entries/<int:entry_id>/")
    def permalink(self, request, entry_id: int):
        return reader.permalink(request, self, entry_id)

    @path("updates/")
    def updates(self, request):
        return reader.updates(request, self)

    @path("feed/<str:kind>/")
    def feed(self, request, kind: str):
        return reader.feed(request, self, kind)


class LiveBlogAuthor(Orderable):
    """One name in a live blog's byline, in order."""

    blog = ParentalKey(LiveBlogPage, on_delete=models.CASCADE, related_name="blog_authors")
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="live_blog_links", verbose_name=_("author")
    )

    panels = [FieldPanel("author")]
