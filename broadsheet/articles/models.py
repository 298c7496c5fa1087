"""Page types of the news site (home → section → article) and the people who write them."""

import copy
import hashlib
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.search import index
from wagtail.url_routing import RouteResult

from broadsheet.articles import keys as article_keys
from broadsheet.articles import selectors, stories
from broadsheet.articles.blocks import ArticleBodyBlock, readable_content
from broadsheet.articles.stories import Story
from broadsheet.caching import fragments, keys
from broadsheet.core.models import SiteSettings
from broadsheet.core.pagination import paginate
from broadsheet.core.reading_time import (
    DEFAULT_WORDS_PER_MINUTE,
    TextCount,
    count_units,
    html_to_text,
    image_seconds,
    minutes_for,
)
from broadsheet.images.models import Photo

# A publication date this far ahead of the clock is still "now" (clocks and forms drift).
PUBLICATION_DATE_SLACK = timedelta(minutes=5)


class Author(index.Indexed, models.Model):
    """A person in a byline. Authors need no login; a staff account may be linked later."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    role = models.CharField(_("role or title"), max_length=120, blank=True)
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    photo = models.ForeignKey(
        Photo, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("site:author", kwargs={"slug": self.slug})


class RememberedPrivacy:
    """Skip the two privacy queries Wagtail makes before serving a page when no page of the
    site is private, which each process remembers (broadsheet.caching.fragments)."""

    def get_view_restrictions(self):
        if not fragments.remember("any-view-restriction", [], PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(RememberedPrivacy, Page):
    """The front page: a developing story's package when editors choose one, the lead story,
    top stories (editor-curated, else latest), each section."""

    max_count = 1
    lead_story = models.ForeignKey(
        Story,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead package"),
        help_text=_(
            "A developing story to lead the front page with: its newest article large, the "
            "story so far beside it, and a link to its timeline. Leave empty for none."
        ),
    )
    content_panels = [
        *Page.content_panels,
        FieldPanel("lead_story"),
        InlinePanel(
            "top_stories",
            label=_("Top stories"),
            help_text=_("The first is the lead story. Empty places are filled with the latest."),
        ),
    ]
    subpage_types = ["articles.SectionPage"]

    class Meta:
        verbose_name = _("front page")

    def route(self, request, path_components):
        # The page at a path changes only with the content: each process remembers it
        # (broadsheet.caching.fragments) and hands every request its own copy.
        found = fragments.remember(
            "route",
            [self.pk, *path_components],
            lambda: self._route(request, path_components),
            request=request,
        )
        if found is None:
            raise Http404
        page, args, kwargs = found
        return RouteResult(copy.copy(page), args=list(args), kwargs=dict(kwargs))

    def _route(self, request, path_components) -> tuple[Page, tuple, dict] | None:
        try:
            result = self._find(request, path_components)
        except Http404:
            return None
        return result.page, tuple(result.args or ()), dict(result.kwargs or {})

    def _find(self, request, path_components) -> RouteResult:
        # Front page → section → article: find the article by its slug (indexed) and full
        # path in one query, instead of a query and another for its type at every level.
        if len(path_components) == 2:
            section, slug = path_components
            article = ArticlePage.objects.filter(
                slug=slug, url_path=f"{self.url_path}{section}/{slug}/"
            ).first()
            if article is not None:
                return article.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when rendered: anonymous readers usually get the stories and the section
        # blocks from shared fragments (home_page.html), which change only when an article does.
        context["front"] = SimpleLazyObject(lambda: selectors.front_page(self, request))
        keys.add(article_keys.LATEST)
        if self.lead_story_id is not None:
            keys.add(stories.key(self.lead_story_id))  # renamed, re-explained, new items
        return context


class SectionPage(RememberedPrivacy, Page):
    """A section of the paper (City, Politics, Sport…); articles live inside one."""

    intro = models.TextField(_("introduction"), blank=True, max_length=300)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage", "live.LiveBlogPage"]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        keys.add(article_keys.section(self.pk))
        # Read only when rendered (a page past the end raises Http404 then): anonymous readers
        # usually get the listing from a shared fragment (section_page.html).
        listing = SimpleLazyObject(
            lambda: paginate(request, selectors.listing_articles(request).child_of(self))
        )
        context["listing"] = listing
        context["articles"] = SimpleLazyObject(lambda: listing.items)
        return context


# The largest size the article page shows its hero at (article_page.html): feeds and social
# cards ask for the same rendition, so one stored file serves all three.
HERO_SPEC = "width-1200"


class ArticlePageManager(PageManager):
    def for_listing(self, articles: models.QuerySet | None = None) -> models.QuerySet:
        """Articles newest first, with what a listing shows and nothing more.

        ``articles`` narrows the choice (the site passes its request-aware public articles);
        by default, every live, public article.
        """
        articles = selectors.public_articles(None) if articles is None else articles
        return (
            articles.defer_streamfields()
            .select_related("hero_image")
            .prefetch_related(
                Prefetch(
                    "article_authors",
                    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
                )
            )
            .order_by("-published_at", "-pk")
        )


class ArticlePage(RememberedPrivacy, Page):
    """A news article. The page title is the headline."""

    standfirst = models.TextField(
        _("standfirst"), max_length=400, help_text=_("One or two sentences under the headline.")
    )
    hero_image = models.ForeignKey(
        Photo, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(
        _("hero caption"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to use the photo's own caption."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    source_outlet = models.CharField(_("original outlet"), max_length=200, blank=True)
    source_headline = models.CharField(_("original headline"), max_length=300, blank=True)
    source_url = models.URLField(_("original URL"), max_length=500, blank=True)
    tags = ClusterTaggableManager(through="articles.ArticleTag", blank=True)
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    story_note = models.CharField(
        _("what's new"), max_length=200, blank=True, help_text=_("One line for the timeline.")
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_(
            "The date readers see and listings, feeds and the archive go by. Leave empty to use "
            "the moment the article is first published; set it to backdate a late entry or an "
            "archive story. It schedules nothing: to publish later, set a go-live time in "
            "the publishing schedule (the Status side panel)."
        ),
    )

    # Derived when saved, never edited: see save() and broadsheet.core.reading_time.
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_digest = models.CharField(max_length=64, blank=True, editable=False)

    objects = ArticlePageManager()

    content_panels = [
        # TitleFieldPanel fills the URL slug from the headline as the editor types it.
        TitleFieldPanel(
            "title",
            heading=_("Headline"),
            placeholder=_("Headline*"),
            help_text=_("As readers see it; the article's web address is made from it."),
        ),
        FieldPanel("standfirst"),
        InlinePanel("article_authors", heading=_("Byline"), label=_("Author"), min_num=1),
        FieldPanel("published_at"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("story"), FieldPanel("story_note")], heading=_("Developing story")
        ),
        MultiFieldPanel(
            [FieldPanel("source_outlet"), FieldPanel("source_headline"), FieldPanel("source_url")],
            heading=_("Source attribution"),
            classname="collapsed",
        ),
        InlinePanel("corrections", label=_("Corrections")),
    ]
    # Autocomplete fields let the admin's page search and choosers, which match the beginnings
    # of words, find an article by its body, standfirst, tags and bylines, not only its title.
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.AutocompleteField("standfirst"),
        index.SearchField("body"),
        index.AutocompleteField("body"),
        index.RelatedFields("tags", [index.SearchField("name"), index.AutocompleteField("name")]),
        index.RelatedFields(
            "article_authors",
            [
                index.RelatedFields(
                    "author", [index.SearchField("name"), index.AutocompleteField("name")]
                )
            ],
        ),
        index.FilterField("published_at"),
    ]
    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        indexes = [
            # Every listing, feed and archive walks articles newest first by publication date.
            models.Index(fields=["published_at", "page_ptr"], name="article_published_idx"),
        ]

    def clean(self) -> None:
        super().clean()
        # Later than the article can go live would show readers a date still to come.
        latest = max(timezone.now(), self.go_live_at or timezone.now()) + PUBLICATION_DATE_SLACK
        if self.published_at and self.published_at > latest:
            raise ValidationError(
                {
                    "published_at": _(
                        "The publication date cannot be later than the article goes live. "
                        "To publish later, set a go-live date in the publishing schedule."
                    )
                }
            )

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is None:
            reading = self._reading()
            self.reading_minutes = reading.minutes(self._words_per_minute())
            self.word_count = reading.words
            self._note_meaningful_change(reading)
            if self.live:
                self._date_first_publication()
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # A revision saved before the first publication carries no publication date; the
        # page row has the one given at publication, which later edits must keep.
        page = super().with_content_json(content)
        if page.published_at is None:
            page.published_at = self.published_at
        return page

    def serve_preview(self, request, mode_name):
        reading = self._reading()
        self.reading_minutes = reading.minutes(self._words_per_minute())
        self.word_count = reading.words
        return super().serve_preview(request, mode_name)

    def _reading(self) -> "_Reading":
        # What readers read, as plain text, converted once for the minutes, the word count
        # and the digest (HTML to text is the costly part of saving an article).
        content = readable_content(self.body, extra_texts=[self.title, self.standfirst])
        images = content.image_count + (1 if self.hero_image_id else 0)
        return _Reading([html_to_text(text) for text in content.texts], images)

    def compute_reading_minutes(self, *, words_per_minute: int | None = None) -> int:
        """Minutes to read this version, at the site's reading speed unless one is given."""
        return self._reading().minutes(words_per_minute or self._words_per_minute())

    def compute_word_count(self) -> int:
        """Words a reader reads in this version (Chinese and Japanese characters count as one)."""
        return self._reading().words

    def text_digest(self, reading: "_Reading | None" = None) -> str:
        """A fingerprint of what readers read; a new one on republishing means "Updated"."""
        plain = (reading or self._reading()).plain
        corrections = [html_to_text(c.text) for c in self.corrections.all()]
        words = " ".join([*plain, *corrections]).split()
        return hashlib.sha256(" ".join(words).encode()).hexdigest()

    def _note_meaningful_change(self, reading: "_Reading") -> None:
        """On a live save, set ``updated_at`` if the text differs from the last live version.

        The last live digest is read from the database, not from this instance: an editor may
        publish a draft opened before someone else's update, and revisions carry stale copies.
        """
        if not self.live:
            return
        stored = (
            ArticlePage.objects.filter(pk=self.pk).values("published_digest", "updated_at").first()
            if self.pk
            else None
        )
        if stored:
            self.published_digest, self.updated_at = (
                stored["published_digest"],
                stored["updated_at"],
            )
        digest = self.text_digest(reading)
        if self.published_digest and digest != self.published_digest:
            self.updated_at = timezone.now()
        self.published_digest = digest

    def _date_first_publication(self) -> None:
        """A live article always has a publication date: by default, its first publication.

        ``first_published_at`` stays Wagtail's: when the article went live on this site,
        whatever date it carries (comments close by age from then).
        """
        if self.first_published_at is None:  # saved live at birth, not through publishing
            self.first_published_at = timezone.now()
        if self.published_at is None:
            self.published_at = self.first_published_at

    def _words_per_minute(self) -> int:
        site = self.get_site() if self.pk else None
        if site is None:
            return DEFAULT_WORDS_PER_MINUTE
        return SiteSettings.for_site(site).words_per_minute

    def get_context(self, request, *args, **kwargs):
        # The page's shared fragments depend on these: one query for both.
        fragments.prefetch(request, [fragments.CONTENT, fragments.comments_of(self.pk)])
        context = super().get_context(request, *args, **kwargs)
        # Read only when rendered: a shared fragment of the page may already hold the byline.
        context["authors"] = SimpleLazyObject(
            lambda: [link.author for link in self.article_authors.select_related("author")]
        )
        context["corrections"] = self.corrections.all()
        # From the navigation's per-request list, so naming the section costs no query.
        context["section"] = selectors.article_section(self, request)
        return context

    @cached_property
    def topic_list(self) -> list:
        """The article's tags by name, loaded once per request for everything that shows them."""
        return sorted(self.tags.all(), key=lambda tag: tag.name.casefold())

    @property
    def hero_caption_text(self) -> str:
        if self.hero_caption:
            return self.hero_caption
        return self.hero_image.default_caption if self.hero_image else ""

    @property
    def was_updated(self) -> bool:
        return bool(self.updated_at and self.published_at)


class ArticleAuthor(Orderable):
    """One name in an article's byline, in order."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(
        Author, on_delete=models.PROTECT, related_name="article_links", verbose_name=_("author")
    )

    panels = [FieldPanel("author")]


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="tagged_items")


class TopStory(Orderable):
    """An article an editor places among the front page's top stories, in order."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_stories")
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("top story")
        verbose_name_plural = _("top stories")


class Correction(Orderable):
    """A published correction: when it was made and what was wrong."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    corrected_at = models.DateTimeField(_("corrected at"), default=timezone.now)
    text = models.TextField(_("correction"), max_length=1000)

    panels = [FieldPanel("corrected_at"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")

    def __str__(self) -> str:
        return self.text


class _Reading:
    """An article version's readable text, plain, and what is counted from it."""

    def __init__(self, plain: list[str], image_count: int) -> None:
        self.plain = plain
        self.image_count = image_count
        self.count = sum((count_units(text) for text in plain), TextCount())

    @property
    def words(self) -> int:
        return self.count.words + self.count.chinese_chars + self.count.japanese_chars

    def minutes(self, words_per_minute: int) -> int:
        return minutes_for(
            self.count,
            extra_seconds=image_seconds(self.image_count),
            words_per_minute=words_per_minute,
        )
