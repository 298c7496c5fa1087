"""Uploaded photos are titled without their file's extension."""

import io
import json

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from broadsheet.images.models import Photo
from broadsheet.images.titles import upload_title

pytestmark = pytest.mark.django_db


def png(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "steelblue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    ("title", "filename", "expected"),
    [
        ("harbour.png", "original_images/harbour_Ab12Cd.png", "harbour"),
        ("Harbour at dawn.PNG", "harbour.png", "Harbour at dawn"),
        ("", "original_images/quay-wall.jpg", "quay-wall"),
        ("Harbour at dawn", "harbour.png", "Harbour at dawn"),
        ("Report 2.5", "report.jpg", "Report 2.5"),
        (".png", "x.png", ".png"),
    ],
)
def test_upload_title(title, filename, expected):
    assert upload_title(title, filename) == expected


def test_a_photo_saved_with_its_file_name_as_title_loses_the_extension():
    photo = Photo(title="ferry-terminal.png", description="The ferry terminal")
    photo.file = ImageFile(png("ferry-terminal.png"), name="ferry-terminal.png")
    photo.save()
    assert Photo.objects.get(pk=photo.pk).title == "ferry-terminal"
    photo.title = "Terminal plan.png"  # an editor's own title, later, is left alone
    photo.save()
    assert Photo.objects.get(pk=photo.pk).title == "Terminal plan.png"


def test_the_admins_multiple_upload_titles_the_photo_without_the_extension(
    client, django_user_model
):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@x.example", "pw"))
    # Alt text is required, so Wagtail keeps the upload aside and asks for it, titled
    # with the file name.
    response = client.post("/admin/images/multiple/add/", {"files[]": png("lower-quay.png")})
    data = json.loads(response.content)
    assert data["success"] and "uploaded_file_id" in data
    upload_id = data["uploaded_file_id"]
    assert 'value="lower-quay.png"' in data["form"]
    prefix = f"uploaded-image-{upload_id}"
    response = client.post(
        f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/",
        {f"{prefix}-title": "lower-quay.png", f"{prefix}-description": "Sandbags on Lower Quay"},
    )
    assert json.loads(response.content)["success"], response.content
    assert Photo.objects.get().title == "lower-quay"
