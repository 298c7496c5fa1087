"""Admin wiring: photo uploads that answer a full media volume with a form error.

The views of ``views.py`` are registered before Wagtail's image URLs (``order=-1``) at the
paths Wagtail's own ``admin_urls`` gives those views, so every link to ``wagtailimages:add``
and the others reaches them, and a path changed by a Wagtail upgrade moves with it.
"""

from django.urls import URLPattern, path
from wagtail import hooks
from wagtail.images import admin_urls

from broadsheet.images import views

UPLOAD_VIEWS = {
    "add": views.PhotoCreateView,
    "edit": views.PhotoEditView,
    "add_multiple": views.PhotoMultipleAddView,
    "create_multiple_from_uploaded_image": views.PhotoCreateFromUploadView,
}


@hooks.register("register_admin_urls", order=-1)
def register_upload_views() -> list[URLPattern]:
    return [
        path(f"images/{pattern.pattern}", UPLOAD_VIEWS[pattern.name].as_view())
        for pattern in admin_urls.urlpatterns
        if pattern.name in UPLOAD_VIEWS
    ]
