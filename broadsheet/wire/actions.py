"""What the desk does with items: write one up, publish it, follow a new version or a kill.

One verb each, keyword-only, used alike by the admin, the poller and the ``wire`` command.
An item is written up once: the item row is locked while its article is made, and an item
that has one hands it back.
"""

import io
import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Revision

from broadsheet.articles.models import ArticleAuthor, ArticlePage, Author, SectionPage
from broadsheet.images.models import Photo
from broadsheet.wire import fetching, mail
from broadsheet.wire.body import body_blocks, first_paragraph_text
from broadsheet.wire.models import Item, ItemVersion, split_list

logger = logging.getLogger(__name__)


class NoSection(Exception):
    """The item has no section (routed or the source's default) to write it up in."""


def write_up(*, item: Item, user: AbstractBaseUser | None = None) -> ArticlePage:
    """The item's draft article, made now from its current version if it has none yet."""
    with transaction.atomic():
        locked = (
            Item.objects.select_for_update(of=("self",))
            .select_related("current", "source")
            .get(pk=item.pk)
        )
        if locked.article_id is not None:
            return locked.article
        section = _section(locked)
        version = locked.current
        article = ArticlePage(title=version.headline, slug=_slug(section, version), live=False)
        _fill(article, locked, version)
        article.article_authors = [ArticleAuthor(author=_outlet_author(locked), sort_order=0)]
        section.add_child(instance=article)
        tags = split_list(locked.tags)
        if tags:
            article.tags.add(*tags)
        revision = article.save_revision(user=user, log_action=True)
        locked.article = article
        locked.used_version = version
        locked.written_up_by = user
        locked.written_up_at = timezone.now()
        locked.desk_revision_id = revision.pk
        locked.save()
    item.refresh_from_db()
    return article


def publish_item(*, item: Item) -> ArticlePage:
    """Write the item up and publish it; an embargoed one is scheduled for its embargo."""
    article = write_up(item=item)
    revision = article.latest_revision
    revision.publish(log_action=True)
    Item.objects.filter(pk=item.pk).update(auto_published=True)
    item.refresh_from_db()
    article.refresh_from_db()
    return article


def follow_new_version(*, item: Item) -> str:
    """After a new current version of a written-up item: ``updated`` when the desk rewrote
    its article (nobody had changed it since the desk wrote it), else ``flagged`` for its
    editor to decide, or ``""`` when there is nothing to do."""
    if item.article is None or not item.has_newer_version:
        return ""
    if item.article_edited:
        return "flagged"
    article = item.article
    version = item.current
    draft = article.get_latest_revision_as_object()
    _fill(draft, item, version)
    draft.title = version.headline
    revision = draft.save_revision(log_action=True)
    if item.auto_published:  # live or scheduled for its embargo: published again
        revision.publish(log_action=True)
    Item.objects.filter(pk=item.pk).update(used_version=version, desk_revision_id=revision.pk)
    item.refresh_from_db()
    return "updated"


def withdraw(*, item: Item) -> str:
    """After a kill or withdrawal: an article nobody changed since the desk published it is
    unpublished (its pages purged by the freshness wiring); an edited one's editors are told
    at once. Returns ``unpublished``, ``alerted`` or ``""``."""
    article = item.article
    if article is None:
        return ""
    if article.live and item.auto_published and not item.article_edited:
        article.unpublish(log_action=True)
        outcome = "unpublished"
    else:
        outcome = "alerted"
    status = item.get_status_display().lower()
    mail.send(
        subject=f"Wire {status}: {article.title}",
        body=(
            f"{item.source.outlet} has {status} “{item.current.headline}”, which the article "
            f"“{article.title}” was made from.\n\n"
            + (
                "It has been unpublished.\n"
                if outcome == "unpublished"
                else "It is still as it was: decide what to do with it.\n"
            )
            + f"\n{mail.admin_url('wagtailadmin_pages:edit', article.pk)}\n"
        ),
        to=editors_of(item) or mail.desk_emails(),
    )
    return outcome


def acknowledge(*, item: Item, user: AbstractBaseUser) -> None:
    """The article's editor has seen the latest version and decided; the notice goes away."""
    Item.objects.filter(pk=item.pk).update(used_version=item.current_id)
    item.refresh_from_db()
    logger.info("%s acknowledged version %s of wire item %s", user, item.current_id, item.pk)


def embargoed_until(article: ArticlePage, *, now: datetime | None = None) -> datetime | None:
    """The embargo still holding the article back, if it was made from an embargoed item."""
    now = now or timezone.now()
    item = Item.objects.filter(article=article).select_related("current").first()
    embargo = item.current.embargo_until if item is not None and item.current else None
    return embargo if embargo and embargo > now else None


def editors_of(item: Item) -> list[str]:
    """Who made and who last changed the item's article."""
    article = item.article
    people = [item.written_up_by, article.owner if article else None]
    if article is not None:
        last = Revision.page_revisions.filter(object_id=str(article.pk)).exclude(user=None)
        people += [r.user for r in last.select_related("user").order_by("-created_at")[:1]]
    return sorted({p.email for p in people if p is not None and p.email})


def _section(item: Item) -> SectionPage:
    section = item.section or item.source.section
    if section is None:
        raise NoSection(f"Wire item {item.pk} has no section: route it or give its source one")
    return section


def _slug(section: SectionPage, version: ItemVersion) -> str:
    base = slugify(version.headline)[:60].strip("-") or "wire"
    slug, n = base, 1
    while ArticlePage.objects.child_of(section).filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _fill(article: ArticlePage, item: Item, version: ItemVersion) -> None:
    """Set what the item provides on ``article`` (a page or a draft of one)."""
    article.standfirst = (version.summary or first_paragraph_text(version.body))[:400]
    photos = _photos(version)
    blocks = body_blocks(version.body)
    for photo in photos[1:]:
        blocks.append({"type": "image", "value": _figure(photo)})
    article.body = blocks
    if photos:
        article.hero_image = photos[0]
    article.source_outlet = item.source.outlet
    article.source_headline = version.headline[:300]
    article.source_url = version.url[:500]
    # The desk owns the go-live time of what it writes: the embargo while it holds.
    embargo = version.embargo_until
    article.go_live_at = embargo if embargo and embargo > timezone.now() else None


def _figure(photo: Photo) -> dict:
    image = {"image": photo.pk, "alt_text": photo.description, "decorative": False}
    return {"image": image, "caption": "", "credit": ""}


def _photos(version: ItemVersion) -> list[Photo]:
    """The version's pictures in the photo library, each fetched the first time it is used."""
    photos, changed = [], False
    for picture in version.pictures:
        photo = Photo.objects.filter(pk=picture.get("photo_id")).first()
        if photo is None:
            photo = _fetch_photo(picture)
            if photo is not None:
                picture["photo_id"], changed = photo.pk, True
        if photo is not None:
            photos.append(photo)
    if changed:
        ItemVersion.objects.filter(pk=version.pk).update(pictures=version.pictures)
    return photos


def _fetch_photo(picture: dict) -> Photo | None:
    url = picture.get("url", "")
    if not (settings.BROADSHEET_WIRE_PRIVATE_PICTURES or fetching.public_address(url)):
        logger.warning("Wire picture %s not fetched: not a public address", url)
        return None
    try:
        answer = fetching.fetch_http(fetching.Target(url=url))
    except fetching.FetchError as error:
        logger.warning("Wire picture %s not fetched: %s", url, error)
        return None
    caption = picture.get("caption", "")
    photo = Photo(
        title=(caption or url.rsplit("/", 1)[-1] or "Wire picture")[:255],
        description=(picture.get("alt") or caption or "Wire picture")[:255],
        credit=picture.get("credit", "")[:255],
        default_caption=caption[:500],
    )
    name = slugify(url.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0])[:60] or "wire-picture"
    photo.file = ImageFile(io.BytesIO(answer.documents[0]), name=f"{name}.jpg")
    try:
        photo.save()
    except Exception as error:  # not an image Pillow reads: the article goes without it
        logger.warning("Wire picture %s not stored: %s", url, error)
        return None
    return photo


def _outlet_author(item: Item) -> Author:
    outlet = item.source.outlet or item.source.name
    author, _ = Author.objects.get_or_create(
        slug=slugify(outlet)[:120] or "wire", defaults={"name": outlet[:120], "role": "Wire"}
    )
    return author
