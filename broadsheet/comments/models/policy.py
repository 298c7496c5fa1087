"""Comment policy: site-wide settings, overridden per section and per article.

Overrides live in their own table keyed to the page rather than as fields on the page models:
a moderator closing an article's comments must not need page-edit rights, and a later publish of
an older draft revision must not silently reopen them.
"""

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, Site

from broadsheet.caching import fragments


class Mode(models.TextChoices):
    OPEN = "open", _("Open (post-moderation)")
    PREMODERATED = "premoderated", _("Pre-moderated (every comment waits for a moderator)")
    CLOSED = "closed", _("Closed")


@dataclass(frozen=True)
class Policy:
    """The rules in force for one article, after overrides."""

    mode: str = Mode.OPEN
    auto_close_days: int = 14
    max_depth: int = 3
    max_length: int = 5000
    max_links: int = 2
    hold_first_comments: bool = True
    trusted_after: int = 1
    rejection_rate_threshold: float = 0.5
    page_size: int = 50
    spam_precision: float = 0.99
    spam_hold_recall: float = 0.95
    digest_threshold: int = 20
    closed_by_age: bool = False

    @property
    def is_closed(self) -> bool:
        return self.mode == Mode.CLOSED or self.closed_by_age


OVERRIDABLE = (
    "mode",
    "auto_close_days",
    "max_depth",
    "max_length",
    "max_links",
    "hold_first_comments",
    "trusted_after",
)


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, default=Mode.OPEN)
    auto_close_days = models.PositiveSmallIntegerField(
        _("close comments after (days)"), default=14, help_text=_("0 keeps them open forever.")
    )
    max_depth = models.PositiveSmallIntegerField(
        _("reply depth"), default=3, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    max_length = models.PositiveIntegerField(_("longest comment (characters)"), default=5000)
    max_links = models.PositiveSmallIntegerField(_("hold when more links than"), default=2)
    hold_first_comments = models.BooleanField(_("hold a new commenter's comments"), default=True)
    trusted_after = models.PositiveSmallIntegerField(
        _("trusted after this many approved comments"), default=1
    )
    rejection_rate_threshold = models.FloatField(
        _("pre-moderate above this rejection rate"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("Share (0–1) of a commenter's last ten decided comments that were rejected."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("threads per page"), default=50, validators=[MinValueValidator(1)]
    )
    spam_precision = models.FloatField(
        _("spam filter: precision before marking spam"),
        default=0.99,
        validators=[MinValueValidator(0.5), MaxValueValidator(0.999)],
        help_text=_(
            "The filter marks a comment as spam only above the score at which at least this "
            "share of moderators' held-out decisions were spam. Below it, it holds."
        ),
    )
    spam_hold_recall = models.FloatField(
        _("spam filter: share of spam to keep out of view"),
        default=0.95,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_(
            "The filter holds comments for a moderator above the score that keeps this share "
            "of held-out spam out of view. Higher holds more comments, spam and not spam."
        ),
    )
    digest_threshold = models.PositiveIntegerField(
        _("email moderators when this many comments wait"), default=20
    )

    panels = [
        FieldPanel("mode"),
        FieldPanel("auto_close_days"),
        MultiFieldPanel(
            [FieldPanel("max_depth"), FieldPanel("max_length"), FieldPanel("page_size")],
            heading=_("Threads"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("max_links"),
                FieldPanel("hold_first_comments"),
                FieldPanel("trusted_after"),
                FieldPanel("rejection_rate_threshold"),
                FieldPanel("spam_precision"),
                FieldPanel("spam_hold_recall"),
                FieldPanel("digest_threshold"),
            ],
            heading=_("Moderation"),
        ),
    ]

    class Meta:
        verbose_name = _("comment settings")

    def __str__(self) -> str:
        return str(_("comment settings"))

    def as_policy(self) -> Policy:
        names = {f.name for f in fields(Policy)} - {"closed_by_age"}
        return Policy(**{name: getattr(self, name) for name in names})


class CommentPolicyOverride(models.Model):
    """Rules for one section or one article that differ from the site's; empty means inherit."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="comment_policy", verbose_name=_("page")
    )
    mode = models.CharField(_("mode"), max_length=12, choices=Mode.choices, blank=True)
    auto_close_days = models.PositiveSmallIntegerField(null=True, blank=True)
    max_depth = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    max_length = models.PositiveIntegerField(null=True, blank=True)
    max_links = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_first_comments = models.BooleanField(null=True, blank=True)
    trusted_after = models.PositiveSmallIntegerField(null=True, blank=True)

    panels = [FieldPanel("page"), *[FieldPanel(name) for name in OVERRIDABLE]]

    class Meta:
        verbose_name = _("comment policy override")

    def __str__(self) -> str:
        return str(self.page)

    def apply_to(self, policy: Policy) -> Policy:
        changes = {
            name: getattr(self, name)
            for name in OVERRIDABLE
            if getattr(self, name) not in (None, "")
        }
        return replace(policy, **changes)


#: The generation of the kept policies, moved whenever an override is saved or deleted.
POLICY = "comment-policy"


def policy_for(article, *, request=None, now: datetime | None = None) -> Policy:
    """The effective policy of ``article``: site settings, then its section's, then its own.

    Costs two queries; one when a request is given and its process remembers the settings
    (``broadsheet.caching.fragments``: saving them moves the content generation).
    """
    if request is not None:
        site = Site.find_for_request(request)
        settings = fragments.remember(
            "comment-settings",
            [site.pk if site else None],
            lambda: CommentSettings.for_request(request),
            request=request,
        )
    else:
        settings = CommentSettings.for_site(article.get_site())
    policy = settings.as_policy()
    paths = [article.path, article.path[: -Page.steplen]]
    overrides = CommentPolicyOverride.objects.filter(page__path__in=paths).select_related("page")
    for override in sorted(overrides, key=lambda o: len(o.page.path)):
        policy = override.apply_to(policy)
    return replace(policy, closed_by_age=_too_old(article, policy, now or timezone.now()))


def policy_for_page(article, request) -> Policy:
    """:func:`policy_for` as a page or a post from it sees it, with the age rule applied now.

    Anonymous readers share the answer (a fragment, ``broadsheet.caching.fragments``) until
    the content or an override changes: saving the settings moves the content generation,
    saving or deleting an override :data:`POLICY` (``broadsheet.comments.signals``). A new
    comment moves neither, so posting does not read the policy again.
    """
    policy = fragments.cached(
        request,
        "comment-policy",
        [article.pk],
        lambda: policy_for(article, request=request),
        depends_on=[fragments.CONTENT, POLICY],
    )
    return as_of(policy, article)


def as_of(policy: Policy, article, now: datetime | None = None) -> Policy:
    """``policy`` with its age rule applied at ``now``: for a policy kept from earlier."""
    return replace(policy, closed_by_age=_too_old(article, policy, now or timezone.now()))


def _too_old(article, policy: Policy, now: datetime) -> bool:
    # Counted from when the article went live on this site, not from the publication date
    # readers see: a backdated late entry or an imported archive story opens for comments.
    published = article.first_published_at
    if not policy.auto_close_days or published is None:
        return False
    return now > published + timedelta(days=policy.auto_close_days)
