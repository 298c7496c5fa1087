"""Writing through the API: drafts created and revised, published or sent to the workflow,
each as the key's user with exactly that user's Wagtail permissions, and every change logged
in the page's history as an admin edit is."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.text import slugify
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.rich_text import RichText

from broadsheet.articles.models import ArticleAuthor, ArticlePage, Author, SectionPage

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


def _clean(article: ArticlePage, *, parent: Page | None) -> None:
    """Wagtail's and the model's checks; a new page has no place in the tree to check yet."""
    skip = ["path", "depth", "url_path", "draft_title", "locale"]
    if parent is None:
        article.full_clean(exclude=skip)
        return
    article.clean_fields(exclude=skip)
    if not Page._slug_is_available(article.slug, parent, article):
        raise ValidationError({"slug": "already used in this section"})
