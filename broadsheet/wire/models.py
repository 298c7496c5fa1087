"""Wire sources, the items they deliver (one row per story, one per version), routing rules.

An item is keyed on its source and the stable id the source gives it (a feed's guid, NINJS
``uri``, NewsML-G2 ``guid``); each version on that item and the version the source gives
(NewsML-G2 ``version``, NINJS ``version``) or, when it gives none, a hash of the content.
Dates never decide identity: feeds without dates, or with dates that move, would otherwise
duplicate or hide items.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from broadsheet.articles.models import ArticlePage, SectionPage


class Format(models.TextChoices):
    AUTO = "auto", _("Detect from the answer")
    RSS = "rss", "RSS 2.0"
    ATOM = "atom", "Atom 1.0"
    JSONFEED = "jsonfeed", "JSON Feed"
    NINJS = "ninjs", "IPTC NINJS"
    NEWSML_G2 = "newsml-g2", "IPTC NewsML-G2"
    FOLDER = "folder", _("Watched folder")


class Auth(models.TextChoices):
    NONE = "", _("None")
    BASIC = "basic", _("HTTP basic")
    BEARER = "bearer", _("Bearer token")


class PubStatus(models.TextChoices):
    USABLE = "usable", _("Usable")
    CANCELED = "canceled", _("Killed")
    WITHHELD = "withheld", _("Withheld")


def split_list(text: str) -> list[str]:
    """A comma-separated admin field as a list of its non-empty, trimmed parts."""
    return [part.strip() for part in text.split(",") if part.strip()]


class Source(models.Model):
    """A feed, an agency endpoint or a watched folder the desk takes reports from."""

    name = models.CharField(_("name"), max_length=120)
    url = models.CharField(
        _("address"),
        max_length=500,
        help_text=_("The feed's URL, or for a watched folder the folder's path on the server."),
    )
    format = models.CharField(_("format"), max_length=12, choices=Format, default=Format.AUTO)
    interval_minutes = models.PositiveIntegerField(_("poll every (minutes)"), default=5)
    auth = models.CharField(_("credentials"), max_length=8, choices=Auth, blank=True)
    username = models.CharField(_("user name"), max_length=200, blank=True)
    secret = models.CharField(
        _("password or token"), max_length=500, blank=True, help_text=_("Stored as given.")
    )
    outlet = models.CharField(
        _("outlet"), max_length=200, help_text=_("Credited on articles: “Originally reported by”.")
    )
    licence = models.TextField(_("licence note"), blank=True)
    section = models.ForeignKey(
        SectionPage,
        verbose_name=_("default section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = models.CharField(_("default tags"), max_length=300, blank=True)
    auto_publish = models.BooleanField(
        _("publish straight away"),
        default=False,
        help_text=_("Otherwise items wait in the desk until an editor writes them up."),
    )
    idle_alarm_minutes = models.PositiveIntegerField(
        _("idle alarm (minutes)"),
        default=360,
        help_text=_("Email the desk when nothing new arrives for this long; 0 for never."),
    )
    enabled = models.BooleanField(_("polled"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("format")]),
        FieldRowPanel([FieldPanel("interval_minutes"), FieldPanel("idle_alarm_minutes")]),
        MultiFieldPanel(
            [
                FieldPanel("auth"),
                FieldPanel("username"),
                FieldPanel("secret", widget=forms.PasswordInput(render_value=True)),
            ],
            heading=_("Credentials"),
        ),
        FieldPanel("outlet"),
        FieldPanel("licence"),
        FieldRowPanel([FieldPanel("section"), FieldPanel("tags")]),
        FieldPanel("auto_publish"),
        FieldPanel("enabled"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("wire source")

    def __str__(self) -> str:
        return self.name

    @property
    def tag_list(self) -> list[str]:
        return split_list(self.tags)


class SourceHealth(models.Model):
    """How a source's polls have gone: the conditional-GET validators, errors, the alarm."""

    source = models.OneToOneField(
        Source, primary_key=True, on_delete=models.CASCADE, related_name="health"
    )
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    detected_format = models.CharField(max_length=12, blank=True)
    # A hash of the last answer read: an unchanged one from a server that sends no validators
    # is known without parsing it.
    answer_digest = models.CharField(max_length=64, blank=True)
    next_poll_at = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_success_at = models.DateTimeField(null=True, blank=True)
    last_new_item_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)
    failures = models.PositiveIntegerField(default=0, help_text="Failed polls in a row.")
    items_seen = models.PositiveIntegerField(default=0)
    items_accepted = models.PositiveIntegerField(default=0)
    alarm = models.CharField(max_length=300, blank=True, help_text="Why the desk was alerted.")
    alarm_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("source health")

    def __str__(self) -> str:
        return f"Health of {self.source}"


class RoutingRule(models.Model):
    """One rule: when an item matches every condition given, do what the rule says.

    Rules of the item's source and global rules (no source) are tried together in
    ``position`` order; the first that matches routes the item (``broadsheet.wire.routing``).
    """

    name = models.CharField(_("name"), max_length=120)
    source = models.ForeignKey(
        Source,
        verbose_name=_("only for source"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rules",
        help_text=_("Leave empty for every source."),
    )
    position = models.IntegerField(_("order"), default=0, help_text=_("Lower first."))
    enabled = models.BooleanField(_("in use"), default=True)
    keywords = models.CharField(_("any of these keywords"), max_length=300, blank=True)
    subjects = models.CharField(_("any of these subjects"), max_length=300, blank=True)
    category = models.CharField(_("category"), max_length=120, blank=True)
    max_urgency = models.PositiveSmallIntegerField(
        _("urgency at most"), null=True, blank=True, help_text=_("1 is the most urgent.")
    )
    language = models.CharField(_("language"), max_length=20, blank=True)
    pattern = models.CharField(
        _("regular expression"),
        max_length=300,
        blank=True,
        help_text=_("Searched in the headline and body, ignoring case."),
    )
    section = models.ForeignKey(
        SectionPage,
        verbose_name=_("set section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    add_tags = models.CharField(_("add tags"), max_length=300, blank=True)
    breaking = models.BooleanField(_("mark as breaking"), default=False)
    auto_publish = models.BooleanField(_("publish straight away"), default=False)
    drop = models.BooleanField(_("drop the item"), default=False)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("routing rule")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        try:
            re.compile(self.pattern)
        except re.error as error:
            raise ValidationError({"pattern": f"Not a regular expression: {error}"}) from error


class Item(models.Model):
    """A story from a source, whatever its number of versions, and what the desk did with it."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(max_length=500)
    current = models.ForeignKey(
        "ItemVersion", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=10, choices=PubStatus, default=PubStatus.USABLE)
    first_seen_at = models.DateTimeField()
    updated_at = models.DateTimeField(help_text="When its latest version arrived.")
    section = models.ForeignKey(
        SectionPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tags = models.CharField(max_length=500, blank=True)
    rule = models.ForeignKey(
        RoutingRule, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    breaking = models.BooleanField(default=False)
    dropped = models.BooleanField(default=False)
    article = models.OneToOneField(
        ArticlePage, null=True, blank=True, on_delete=models.SET_NULL, related_name="wire_item"
    )
    used_version = models.ForeignKey(
        "ItemVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    written_up_at = models.DateTimeField(null=True, blank=True)
    auto_published = models.BooleanField(default=False)
    # The article revision the desk last wrote; a later one means a person changed the article.
    desk_revision_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "guid"], name="wire_item_source_guid")
        ]
        indexes = [models.Index(fields=["updated_at", "id"], name="wire_item_newest_idx")]
        verbose_name = _("wire item")

    def __str__(self) -> str:
        return self.current.headline if self.current else self.guid

    @property
    def killed(self) -> bool:
        return self.status != PubStatus.USABLE

    @property
    def article_edited(self) -> bool:
        """Whether someone changed the article since the desk wrote it."""
        article = self.article
        return article is not None and article.latest_revision_id != self.desk_revision_id

    @property
    def has_newer_version(self) -> bool:
        """Written up from a version older than the latest: the article's editor must decide."""
        return self.used_version_id is not None and self.used_version_id != self.current_id


class ItemVersion(models.Model):
    """One version of an item, as the source sent it (sanitised body, raw payload for audit)."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="versions")
    version = models.CharField(max_length=100)
    received_at = models.DateTimeField()
    headline = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True, help_text="HTML, sanitised to the article body's markup.")
    url = models.CharField(max_length=1000, blank=True)
    subjects = models.JSONField(default=list, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    categories = models.JSONField(default=list, blank=True)
    urgency = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(null=True, blank=True)
    version_created_at = models.DateTimeField(null=True, blank=True)
    embargo_until = models.DateTimeField(null=True, blank=True)
    pub_status = models.CharField(max_length=10, choices=PubStatus, default=PubStatus.USABLE)
    pictures = models.JSONField(default=list, blank=True)
    raw = models.TextField(blank=True)

    class Meta:
        ordering = ["item", "received_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["item", "version"], name="wire_version_item_version")
        ]
        verbose_name = _("wire item version")

    def __str__(self) -> str:
        return f"{self.headline} (version {self.version})"
