"""What the WordPress import keeps: which Broadsheet object each WordPress thing became, and the
plain page type WordPress pages (About, Contact, Corrections policy) arrive as."""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from broadsheet.articles.blocks import ArticleBodyBlock
from broadsheet.articles.models import RememberedPrivacy


class Kind(models.TextChoices):
    AUTHOR = "author", _("author")
    SECTION = "section", _("category → section")
    ATTACHMENT = "attachment", _("attachment → photo")
    IMAGE = "image", _("image by address → photo")
    POST = "post", _("post → article")
    PAGE = "page", _("page")
    COMMENT = "comment", _("comment")


class ImportedObject(models.Model):
    """One WordPress thing and the object it became, keyed on the export's site and its id.

    ``wp_id`` is the post, attachment or comment id, the author's login, the category's slug or,
    for an image found only by its address, the address's path. ``alias`` is a second key to
    match on (an author's email address). ``digest`` fingerprints what was imported, so a re-run
    tells an unchanged item from an edited one.
    """

    source = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    wp_id = models.CharField(max_length=255)
    object_id = models.PositiveBigIntegerField()
    alias = models.CharField(max_length=255, blank=True, db_index=True)
    digest = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress object")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="wordpress_one_object_per_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.wp_id} → {self.object_id}"


class PlainPage(RememberedPrivacy, Page):
    """A page that is not news: About, Contact, the corrections policy. Pages nest."""

    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["articles.HomePage", "wordpress.PlainPage"]
    subpage_types = ["wordpress.PlainPage"]
    template = "wordpress/plain_page.html"

    class Meta:
        verbose_name = _("plain page")


class PrivateExportStorage(FileSystemStorage):
    """Uploaded exports hold commenters' emails and IP addresses: never in the public media
    storage, but in a folder of their own beside the database (``VAR_DIR/wordpress-imports``),
    read from the settings when a file is stored, not when the model is loaded."""

    @property
    def base_location(self) -> str:
        return str(Path(settings.VAR_DIR) / "wordpress-imports")

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


class ImportRun(models.Model):
    """An import started from the admin: the uploaded export, its state, progress and report."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    export = models.FileField(storage=PrivateExportStorage(), upload_to="%Y/%m/")
    dry_run = models.BooleanField(default=True)
    media_dir = models.CharField(max_length=500, blank=True)
    section_for = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    stage = models.CharField(max_length=40, blank=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("WordPress import run")

    def __str__(self) -> str:
        kind = "dry run" if self.dry_run else "import"
        return f"{kind} of {self.export.name} ({self.state})"
