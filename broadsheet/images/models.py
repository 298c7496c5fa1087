"""The newsroom's photo library: every picture carries its credit, caption and alt text."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from broadsheet.images.titles import upload_title


class Photo(AbstractImage):
    """A Wagtail image with the facts a newsroom must print beside it.

    ``description`` is Wagtail's alt-text field; Broadsheet makes it required so no picture
    reaches a reader without a text alternative.
    """

    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("Describe the picture for readers who cannot see it."),
    )
    credit = models.CharField(
        _("credit"), max_length=255, blank=True, help_text=_("Photographer and/or agency.")
    )
    default_caption = models.CharField(
        _("default caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo unless an article gives its own caption."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit", "default_caption")

    class Meta(AbstractImage.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def save(self, *args, **kwargs) -> None:
        if self._state.adding:
            self.title = upload_title(self.title, self.file.name or "")
        super().save(*args, **kwargs)

    @property
    def default_alt_text(self) -> str:
        return self.description


class PhotoRendition(AbstractRendition):
    image = models.ForeignKey(Photo, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
