"""A full or read-only media volume during a photo upload: a clear form error, nothing left behind.

The media volume is real: a tmpfs of 64 KiB mounted for each test (these machines and CI run
the suite as root; elsewhere the tests are skipped), so the kernel refuses the write as a full
disk does (ENOSPC, part-way through the photo) or, remounted read-only, as a read-only volume
does (EROFS). Uploads go through the admin's own forms, signed in as an editor.
"""

import io
import json
import os
import random
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.models import Collection, UploadedFile

from broadsheet.images.models import Photo

pytestmark = pytest.mark.django_db

VOLUME = "64k"
FULL = "The image could not be stored: the media volume is full."
READ_ONLY = "The image could not be stored: the media volume is read-only."


def png(name: str, size: int) -> SimpleUploadedFile:
    """A PNG of ``size`` × ``size`` pixels of noise: it compresses to about 3 × size² bytes."""
    noise = random.Random(size).randbytes(size * size * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (size, size), noise).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def big_photo() -> SimpleUploadedFile:
    photo = png("harbour-wall.png", 200)
    assert photo.size > 100 * 1024  # more than the volume holds
    return photo


def mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@pytest.fixture
def media(settings, tmp_path):
    """MEDIA_ROOT on a 64 KiB tmpfs of its own, unmounted afterwards."""
    volume = tmp_path / "media"
    volume.mkdir()
    try:
        mount("-t", "tmpfs", "-o", f"size={VOLUME},mode=0755", "tmpfs", str(volume))
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {error}")
    settings.MEDIA_ROOT = str(volume)
    try:
        yield volume
    finally:
        # Lazily: a file the admin opened may still be open until it is garbage-collected;
        # the kernel lets go of the volume once it is closed.
        subprocess.run(["umount", "--lazy", str(volume)], check=True, capture_output=True)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("niamh", "niamh@brennock.example", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def files_in(volume: Path) -> list[str]:
    return sorted(str(path.relative_to(volume)) for path in volume.rglob("*") if path.is_file())


def add_photo(client, photo: SimpleUploadedFile):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Harbour wall",
            "file": photo,
            "description": "Waves over the harbour wall at high tide",
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_upload_that_fills_the_media_volume_says_so_and_leaves_nothing(
    client, editor, media, caplog
):
    response = add_photo(client, big_photo())

    assert response.status_code == 200  # the form again, not a 500
    assert FULL in response.content.decode()
    assert Photo.objects.count() == 0
    assert files_in(media) == []  # not even the part that fitted
    assert any("media volume" in record.getMessage() for record in caplog.records)


def test_an_upload_to_a_read_only_media_volume_says_so_and_leaves_nothing(client, editor, media):
    mount("-o", "remount,ro", str(media))

    response = add_photo(client, png("quay.png", 20))

    assert response.status_code == 200
    assert READ_ONLY in response.content.decode()
    assert Photo.objects.count() == 0
    assert files_in(media) == []


def test_the_multiple_uploader_says_so_beside_the_file(client, editor, media):
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": big_photo()})

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["success"] is False
    assert answer["error_message"].startswith(FULL)
    assert UploadedFile.objects.count() == 0
    assert files_in(media) == []


def test_completing_an_upload_on_a_volume_that_filled_meanwhile_says_so(client, editor, media):
    photo = png("slipway.png", 115)  # fits once in the volume, not twice
    assert 32 * 1024 < photo.size < 48 * 1024
    # Alt text is required, so the uploader keeps the file aside and asks for it first.
    upload_id = json.loads(
        client.post(reverse("wagtailimages:add_multiple"), {"files[]": photo}).content
    )["uploaded_file_id"]
    waiting = files_in(media)
    prefix = f"uploaded-image-{upload_id}"

    response = client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {f"{prefix}-title": "Slipway", f"{prefix}-description": "The slipway at low tide"},
    )

    answer = json.loads(response.content)
    assert answer["success"] is False
    assert FULL in answer["form"]
    assert Photo.objects.count() == 0
    assert files_in(media) == waiting  # the upload still waits, for another try
    assert UploadedFile.objects.filter(pk=upload_id).exists()


def test_replacing_a_photos_file_on_a_full_volume_keeps_the_old_one(client, editor, media):
    assert add_photo(client, png("quay.png", 20)).status_code == 302
    photo = Photo.objects.get()
    edit = reverse("wagtailimages:edit", args=[photo.pk])
    assert client.get(edit).status_code == 200  # its preview is made while there is room
    before = files_in(media)

    response = client.post(
        edit,
        {
            "title": photo.title,
            "file": big_photo(),
            "description": photo.description,
            "collection": photo.collection_id,
        },
    )

    assert response.status_code == 200
    assert FULL in response.content.decode()
    assert Photo.objects.get().file.name == photo.file.name
    assert files_in(media) == before


def test_a_photo_that_fits_is_stored_whole_and_readable(client, editor, media):
    upload = png("quay.png", 20)

    response = add_photo(client, upload)

    assert response.status_code == 302
    photo = Photo.objects.get()
    stored = media / photo.file.name
    upload.seek(0)
    assert stored.read_bytes() == upload.read()
    assert stored.stat().st_mode & 0o777 == 0o644  # nginx serves it
    assert not [name for name in files_in(media) if os.path.basename(name).startswith(".")]
