"""Attachments → photos with title, caption, alt text and credit; images found only by address."""

import hashlib
import io
import re
from pathlib import PurePosixPath

from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from broadsheet.images.models import Photo
from broadsheet.wordpress import parse
from broadsheet.wordpress.bodies import text_of
from broadsheet.wordpress.context import ImportContext, image_key
from broadsheet.wordpress.files import DirectorySource, Fetched, HttpSource, Wanted, uploads_path
from broadsheet.wordpress.models import Kind

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif"})
ALT_META = "_wp_attachment_image_alt"
FILE_META = "_wp_attached_file"
METADATA_META = "_wp_attachment_metadata"
# The photographer in the image's IPTC data, inside WordPress's PHP-serialised metadata.
_CREDIT = re.compile(r's:6:"credit";s:\d+:"(.*?)";', re.DOTALL)


def media_source(ctx: ImportContext) -> DirectorySource | HttpSource:
    if ctx.options.media_dir:
        return DirectorySource(ctx.options.media_dir)
    return HttpSource(
        workers=ctx.options.fetch_workers,
        timeout=ctx.options.fetch_timeout,
        attempts=ctx.options.fetch_attempts,
    )


def is_image_address(url: str) -> bool:
    return PurePosixPath(uploads_path(url)).suffix.lower() in IMAGE_SUFFIXES


def _digest(item: parse.Item) -> str:
    parts = (item.title, item.excerpt, item.meta_value(ALT_META), item.attachment_url)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _facts(item: parse.Item) -> dict[str, str]:
    caption = text_of(item.excerpt)[:500]
    alt = " ".join(item.meta_value(ALT_META).split())[:255]
    credit = _CREDIT.search(item.meta_value(METADATA_META))
    name = PurePosixPath(uploads_path(item.attachment_url)).stem
    return {
        "title": (item.title or name)[:255],
        "description": alt or caption[:255] or (item.title or name)[:255],
        "default_caption": caption,
        "credit": credit.group(1)[:255] if credit else "",
        "missing_alt": "" if alt else "yes",
    }


def import_attachments(ctx: ImportContext, items: list[parse.Item]) -> None:
    """Photos for a batch of attachments; the files of new ones are fetched in parallel."""
    wanted: list[Wanted] = []
    for item in items:
        if not is_image_address(item.attachment_url):
            ctx.report.outcome("attachment", item.id, "skipped", "not an image (not imported)")
            continue
        known = ctx.known(Kind.ATTACHMENT, item.id)
        if known is not None:
            _refresh(ctx, item, known)
            continue
        wanted.append(Wanted(item.id, item.attachment_url, item.meta_value(FILE_META)))
    by_id = {item.id: item for item in items}
    for fetched in media_source(ctx).fetch_all(wanted):
        item = by_id[fetched.key]
        with transaction.atomic():
            photo = _store(ctx, "attachment", item.id, fetched, _facts(item))
            if photo is not None:
                ctx.remember(Kind.ATTACHMENT, item.id, photo.pk, digest=_digest(item))


def _refresh(ctx: ImportContext, item: parse.Item, photo_id: int) -> None:
    from_record = ctx.known_digest(Kind.ATTACHMENT, item.id)
    if from_record == _digest(item):
        ctx.report.outcome("attachment", item.id, "unchanged")
        return
    facts = _facts(item)
    facts.pop("missing_alt")
    Photo.objects.filter(pk=photo_id).update(**facts)
    ctx.remember(Kind.ATTACHMENT, item.id, photo_id, digest=_digest(item))
    ctx.report.outcome("attachment", item.id, "updated")


def _store(ctx: ImportContext, kind: str, key: str, fetched: Fetched, facts: dict) -> Photo | None:
    if fetched.data is None:
        ctx.report.outcome(kind, key, "skipped", fetched.problem)
        return None
    try:
        with Image.open(io.BytesIO(fetched.data)) as picture:
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError) as error:
        ctx.report.outcome(kind, key, "skipped", f"{fetched.name} is not a readable image: {error}")
        return None
    missing_alt = facts.pop("missing_alt", "")
    photo = Photo(**facts)
    photo.file = ImageFile(io.BytesIO(fetched.data), name=fetched.name)
    photo.save()
    ctx.stored_files.append(photo.file.name)
    ctx.report.outcome(kind, key, "created")
    if missing_alt:
        ctx.report.warn(kind, key, [f"no alt text: used {photo.description!r}"])
    return photo


def photo_for_address(ctx: ImportContext, url: str, *, alt: str, caption: str) -> int | None:
    """A photo for an old-site image that no attachment names (it was uploaded, then detached)."""
    key = image_key(url)
    known = ctx.known(Kind.IMAGE, key)
    if known is not None:
        return known
    if not is_image_address(url):
        return None
    fetched = media_source(ctx).fetch(Wanted(key, url))
    name = PurePosixPath(key).stem
    facts = {"title": name[:255], "description": (alt or caption or name)[:255]}
    facts |= {"default_caption": caption[:500], "missing_alt": "" if alt else "yes"}
    photo = _store(ctx, "image", key, fetched, facts)
    if photo is None:
        return None
    ctx.remember(Kind.IMAGE, key, photo.pk)
    return photo.pk
