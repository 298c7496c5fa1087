"""Wagtail's photo upload views, answering a full or read-only media volume with a form error.

Saving a photo writes its file to the media store. When the store refuses
(``broadsheet.core.storage.MediaNotStored``), Wagtail's own views answer 500; these
subclasses catch it where the file is written and show the form again with the reason, as for
any invalid upload. Nothing is kept: the write fails before the photo's row is inserted, and
the storage deletes what it had written. ``wagtail_hooks.py`` puts them at Wagtail's paths.
"""

from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.images.views import images, multiple

from broadsheet.core.storage import MediaNotStored


def not_stored(error: MediaNotStored) -> str:
    """What the editor reads: what went wrong, and that nothing was saved."""
    return _(
        "The image could not be stored: %(reason)s. Nothing was saved; please tell the "
        "site's administrators."
    ) % {"reason": error.reason}


class ShowsRefusedWrite:
    """``form_valid``, except that a refused write shows the form again with the reason."""

    def form_valid(self, form) -> HttpResponse:
        try:
            return super().form_valid(form)
        except MediaNotStored as error:
            if form.instance.pk:  # an edit: the page shows the photo as it still is
                form.instance.refresh_from_db()
            form.add_error("file", not_stored(error))
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class PhotoCreateView(ShowsRefusedWrite, images.CreateView):
    pass


class PhotoEditView(ShowsRefusedWrite, images.EditView):
    """Editing a photo may replace its file."""


class PhotoMultipleAddView(multiple.AddView):
    """The drag-and-drop uploader: each file is posted alone and answered in JSON."""

    def post(self, request: HttpRequest) -> HttpResponse:
        try:
            with transaction.atomic():  # no row without its file
                return super().post(request)
        except MediaNotStored as error:
            # The shape Wagtail's uploader shows beside the file, as for a file it refused.
            return JsonResponse({"success": False, "error_message": not_stored(error)})


class PhotoCreateFromUploadView(multiple.CreateFromUploadedImageView):
    """The uploader's second step: the file waited as an upload until the form was complete."""

    def save_object(self, form) -> None:
        self.form = form
        super().save_object(form)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            with transaction.atomic():  # no photo without its file, and the upload kept
                return super().post(request, *args, **kwargs)
        except MediaNotStored as error:
            self.form.add_error(None, not_stored(error))
            context = {
                self.context_upload_name: self.upload,
                "edit_action": reverse(self.edit_upload_url_name, args=(self.upload.id,)),
                "delete_action": reverse(self.delete_upload_url_name, args=(self.upload.id,)),
                "form": self.form,
            }
            form = render_to_string(self.edit_form_template_name, context, request=request)
            return JsonResponse({"success": False, "form": form})
