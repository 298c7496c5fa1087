"""Writing through the API: drafts created and revised, published or sent to the workflow,
each as the key's user with exactly that user's Wagtail permissions, and every change logged
in the page's history as an admin edit is."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

from broadsheet.articles.models import ArticleAuthor, ArticlePage, Author, Correction, SectionPage

#: The body blocks a client may write, and the value each takes from its fields.
WRITABLE_BLOCKS = {
    "paragraph": lambda b: RichText(b.get("html", "")),
    "subheading": lambda b: b.get("text", ""),
    "quote": lambda b: {"text": b.get("text", ""), "attribution": b.get("attribution", "")},
}
FIELDS = ("title", "standfirst", "source_outlet", "source_headline", "source_url")


def body_of(blocks: list[dict[str, Any]]) -> list[tuple[str, Any]]:
    stream = []
    for n, block in enumerate(blocks):
        kind = block.get("type")
        if kind not in WRITABLE_BLOCKS:
            raise ValidationError({f"body.{n}.type": f"one of {', '.join(WRITABLE_BLOCKS)}"})
        stream.append((kind, WRITABLE_BLOCKS[kind](block)))
    return stream


def _apply(article: ArticlePage, data: dict[str, Any]) -> None:
    for name in FIELDS:
        if data.get(name) is not None:
            setattr(article, name, data[name])
    if data.get("body") is not None:
        article.body = body_of(data["body"])
    if data.get("authors") is not None:
        found = {a.slug: a for a in Author.objects.filter(slug__in=data["authors"])}
        missing = [slug for slug in data["authors"] if slug not in found]
        if missing:
            raise ValidationError({"authors": f"no author called {missing[0]!r}"})
        article.article_authors = [
            ArticleAuthor(author=found[slug], sort_order=i)
            for i, slug in enumerate(data["authors"])
        ]
    if data.get("tags") is not None:
        article.tags.clear()
        article.tags.add(*data["tags"])


def create_draft(*, user, section: SectionPage, data: dict[str, Any]) -> ArticlePage:
    """A new, unpublished article in ``section`` with its first revision."""
    if not section.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied("section: you may not add articles here")
    article = ArticlePage(
        title=data.get("title") or "",
        slug=data.get("slug") or slugify(data.get("title") or "")[:50],
        live=False,
        owner=user,
    )
    _apply(article, data)
    _clean(article, parent=section)
    section.add_child(instance=article)
    log(instance=article, action="wagtail.create", user=user)
    article.save_revision(user=user, log_action=True)
    return article


def update_draft(*, user, article: ArticlePage, data: dict[str, Any]) -> ArticlePage:
    """A new revision of ``article`` (the live version stays until published)."""
    if not article.permissions_for_user(user).can_edit():
        raise PermissionDenied("article: you may not edit it")
    draft = article.get_latest_revision_as_object()
    _apply(draft, data)
    _clean(draft, parent=None)
    draft.save_revision(user=user, log_action=True)
    return draft


def publish(*, user, article: ArticlePage) -> None:
    if not article.permissions_for_user(user).can_publish():
        raise PermissionDenied("article: you may not publish it")
    article.get_latest_revision().publish(user=user)


def submit(*, user, article: ArticlePage) -> None:
    """Start the article's workflow from its latest revision, as "Submit for moderation"."""
    if not article.permissions_for_user(user).can_submit_for_moderation():
        raise PermissionDenied("article: you may not submit it")
    workflow = article.get_workflow()
    if workflow is None:
        raise ValidationError({"article": "no workflow applies to this article"})
    workflow.start(article, user)


def add_correction(
    *, user, article: ArticlePage, text: str, corrected_at: datetime | None = None
) -> ArticlePage:
    """Append a correction to the live article and publish it at once, as an editor does in
    the admin; a draft waiting to be published keeps its changes and gains the correction."""
    permissions = article.permissions_for_user(user)
    if not permissions.can_publish():
        raise PermissionDenied("article: you may not publish it, and a correction goes live")
    if not article.live:
        raise ValidationError({"article": "not published: write the correction in the draft"})
    correction = Correction(text=text, corrected_at=corrected_at or timezone.now())
    correction.clean_fields(exclude=["article", "sort_order"])
    limit = Correction._meta.get_field("text").max_length  # a TextField's is the form's only
    if len(text) > limit:
        raise ValidationError({"text": f"at most {limit} characters (this has {len(text)})"})
    pending = article.get_latest_revision() if article.has_unpublished_changes else None
    with transaction.atomic():
        live = ArticlePage.objects.get(pk=article.pk)  # what readers see, not the draft
        _append(live, correction)
        live.save_revision(user=user, log_action=True).publish(user=user)
        if pending is not None:
            draft = pending.as_object()
            _append(draft, correction)
            draft.save_revision(user=user, log_action=True)
    return live


def _append(article: ArticlePage, correction: Correction) -> None:
    rows = list(article.corrections.all())
    copy = Correction(text=correction.text, corrected_at=correction.corrected_at)
    copy.sort_order = len(rows)
    article.corrections = [*rows, copy]


#: The photo form's field names as the API names them in its errors.
PHOTO_FIELDS = {"description": "alt", "default_caption": "caption"}


def set_hero(
    *,
    user,
    article: ArticlePage,
    file: UploadedFile,
    alt: str,
    credit: str = "",
    caption: str = "",
    title: str = "",
) -> Any:
    """Upload a photo as the admin's image form does (its checks of type, size and alt text)
    and make it the hero of a new draft revision; the live article changes on publishing."""
    if not article.permissions_for_user(user).can_edit():
        raise PermissionDenied("article: you may not edit it")
    Photo = get_image_model()
    policy = policy_registry.get_by_type(Photo)
    if not policy.user_has_permission(user, "add"):
        raise PermissionDenied("file: you may not add photos")
    form = get_image_form(Photo)(
        data={
            "title": title or file.name,
            "description": alt,
            "credit": credit,
            "default_caption": caption,
            "collection": policy.collections_user_has_permission_for(user, "add")[0].pk,
        },
        files={"file": file},
        user=user,
    )
    if not form.is_valid():
        name, messages = next(iter(form.errors.items()))
        raise ValidationError({PHOTO_FIELDS.get(name, name): messages})
    with transaction.atomic():  # no photo without the revision that shows it
        form.instance.uploaded_by_user = user
        photo = form.save()
        log(instance=photo, action="wagtail.create", user=user)
        draft = article.get_latest_revision_as_object()
        draft.hero_image = photo
        draft.save_revision(user=user, log_action=True)
    return photo


def _clean(article: ArticlePage, *, parent: Page | None) -> None:
    """Wagtail's and the model's checks; a new page has no place in the tree to check yet."""
    skip = ["path", "depth", "url_path", "draft_title", "locale"]
    if parent is None:
        article.full_clean(exclude=skip)
        return
    article.clean_fields(exclude=skip)
    if not Page._slug_is_available(article.slug, parent, article):
        raise ValidationError({"slug": "already used in this section"})
