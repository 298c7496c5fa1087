"""Newsletters, their subscribers, editions and the per-recipient ledger of each send.

An address is one :class:`Subscriber` whatever it signs up to; a :class:`Subscription` joins it
to one newsletter. Each :class:`Edition` is sent through :class:`Delivery` rows, one per
(edition, subscriber), unique: the row, not the mail server, remembers who has had it, so a
send stopped at any point and started again reaches each remaining address once.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField

from broadsheet.articles.blocks import TEXT_FEATURES
from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.articles.stories import Story


class Cadence(models.TextChoices):
    DAILY = "daily", _("Every day")
    WEEKDAYS = "weekdays", _("Monday to Friday")
    WEEKLY = "weekly", _("Once a week")
    ALERTS = "alerts", _("Alerts only (sent by hand)")


class Scope(models.TextChoices):
    ALL = "all", _("Every section")
    SECTIONS = "sections", _("Chosen sections")
    TAGS = "tags", _("Chosen tags")
    STORY = "story", _("One developing story")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class NewsletterQuerySet(models.QuerySet):
    def offered(self) -> "NewsletterQuerySet":
        """Newsletters readers may sign up to, in the order the sign-up form lists them."""
        return self.filter(active=True).order_by("position", "name")


class Newsletter(models.Model):
    """One list readers subscribe to: a morning briefing, a weekly digest, breaking alerts."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), max_length=500, blank=True)
    active = models.BooleanField(
        _("offered to readers"), default=True, help_text=_("Off: hidden from sign-up forms.")
    )
    position = models.PositiveSmallIntegerField(_("position in the sign-up form"), default=0)
    cadence = models.CharField(_("cadence"), max_length=10, choices=Cadence, default=Cadence.DAILY)
    send_time = models.TimeField(
        _("send at"), default="07:00", help_text=_("In the site's time zone.")
    )
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"), choices=Weekday, default=Weekday.MONDAY, help_text=_("Weekly only.")
    )
    sender_name = models.CharField(_("sender name"), max_length=120, blank=True)
    sender_email = models.EmailField(
        _("sender address"), blank=True, help_text=_("Empty: the site's sender address.")
    )
    reply_to = models.EmailField(_("reply-to address"), blank=True)
    scope = models.CharField(_("articles from"), max_length=10, choices=Scope, default=Scope.ALL)
    sections = models.ManyToManyField(
        SectionPage, blank=True, related_name="+", verbose_name=_("sections")
    )
    tags = models.CharField(
        _("tags"), max_length=300, blank=True, help_text=_("Comma-separated tag names.")
    )
    story = models.ForeignKey(
        Story, null=True, blank=True, on_delete=models.SET_NULL, related_name="newsletters"
    )
    max_articles = models.PositiveSmallIntegerField(_("at most this many articles"), default=12)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    #: The last scheduled time the worker handled (sent an edition or found nothing new).
    last_slot_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = NewsletterQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("active"), FieldPanel("position")]),
            ],
            heading=_("Newsletter"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("cadence"),
                FieldRowPanel([FieldPanel("send_time"), FieldPanel("weekday")]),
            ],
            heading=_("Schedule"),
        ),
        MultiFieldPanel(
            [FieldPanel("sender_name"), FieldPanel("sender_email"), FieldPanel("reply_to")],
            heading=_("Sender"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("scope"),
                FieldPanel("sections"),
                FieldPanel("tags"),
                FieldPanel("story"),
                FieldPanel("max_articles"),
            ],
            heading=_("Automatic editions"),
        ),
    ]

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("newsletters:archive", kwargs={"slug": self.slug})

    @property
    def tag_names(self) -> list[str]:
        return [part.strip() for part in self.tags.split(",") if part.strip()]

    @property
    def from_email(self) -> str:
        address = self.sender_email or settings.DEFAULT_FROM_EMAIL
        if self.sender_email and self.sender_name:
            return f"{self.sender_name} <{self.sender_email}>"
        return address


class SubscriberQuerySet(models.QuerySet):
    def reachable(self) -> "SubscriberQuerySet":
        """Addresses an edition goes to: confirmed, not paused, not suppressed."""
        return self.filter(confirmed_at__isnull=False, paused=False, suppressed_at__isnull=True)


class Suppression(models.TextChoices):
    NONE = "", _("Not suppressed")
    HARD_BOUNCE = "hard-bounce", _("Hard bounce")
    SOFT_BOUNCES = "soft-bounces", _("Repeated soft bounces")
    COMPLAINT = "complaint", _("Marked as spam")
    REFUSED = "refused", _("Refused by the mail server")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed from everything")
    ERASED = "erased", _("Erased on request")


class Subscriber(models.Model):
    """One email address, whichever newsletters it gets. Stored in lower case."""

    email = models.EmailField(_("email"), max_length=254, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscribers",
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    paused = models.BooleanField(_("paused"), default=False)
    suppressed_at = models.DateTimeField(_("suppressed"), null=True, blank=True)
    suppressed_reason = models.CharField(
        _("why suppressed"), max_length=14, choices=Suppression, blank=True
    )
    bounce_count = models.PositiveSmallIntegerField(_("soft bounces in a row"), default=0)
    last_bounce = models.TextField(_("last bounce"), blank=True)
    #: Raised to invalidate every link already mailed (after an erasure, for one).
    link_version = models.PositiveSmallIntegerField(default=1, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email

    @property
    def is_reachable(self) -> bool:
        return bool(self.confirmed_at and not self.paused and not self.suppressed_at)


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="one_subscription")
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter}"


class Kind(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatic digest")
    CURATED = "curated", _("Curated")
    ALERT = "alert", _("Alert")


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class ArticleBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(page_type=ArticlePage)
    teaser = blocks.TextBlock(
        required=False, help_text="Empty: the article's standfirst.", max_length=600
    )

    class Meta:
        icon = "doc-full"
        label = "Article"


class FreeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200)
    text = blocks.RichTextBlock(features=TEXT_FEATURES)

    class Meta:
        icon = "pilcrow"
        label = "Free text"


class Edition(models.Model):
    """One issue of a newsletter: its articles and text, and where its send stands."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="editions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.CURATED)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    content = StreamField(
        [("article", ArticleBlock()), ("text", FreeBlock())], blank=True, verbose_name=_("content")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EditionStatus, default=EditionStatus.DRAFT
    )
    scheduled_at = models.DateTimeField(
        _("send at"), null=True, blank=True, help_text=_("Empty: sent when you press Send.")
    )
    #: Automatic editions: the latest publication time they cover (the next starts after it).
    covers_until = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    #: Set once every recipient has its ledger row: a resumed send then only sends.
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("newsletter"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("content"),
        FieldPanel("scheduled_at"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        indexes = [models.Index(fields=["newsletter", "status", "finished_at"])]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("newsletters:edition", kwargs={"slug": self.newsletter.slug, "pk": self.pk})

    @property
    def is_public(self) -> bool:
        """Only sent editions have a web version; drafts are seen through the admin preview."""
        return self.status == EditionStatus.SENT


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    CLAIMED = "claimed", _("Claimed by a sender")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")


class Delivery(models.Model):
    """The ledger: one row per (edition, subscriber), whatever happens to the send."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=DeliveryStatus, default=DeliveryStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_by = models.CharField(max_length=64, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    clicks = models.PositiveIntegerField(default=0)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "subscriber"], name="one_delivery")
        ]
        indexes = [models.Index(fields=["edition", "status"])]
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.edition_id} → {self.subscriber_id}: {self.status}"

    @property
    def message_id(self) -> str:
        """The same Message-ID on every attempt, so a repeat is recognisable downstream."""
        return f"<edition-{self.edition_id}.sub-{self.subscriber_id}@broadsheet.newsletters>"
