"""Signal receivers: read what a change touches, ask the purge rules, queue one batch per commit.

Wagtail's own frontend-cache receivers purge only a published page's own URL; ``apps.py``
replaces them with these, which purge the surrogate keys of everything the change touches
(:mod:`broadsheet.freshness.purge_rules`), and so every page of any type that showed it.
"""

import threading
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from broadsheet.articles.models import ArticlePage, ArticleTag, Author
from broadsheet.caching import fragments
from broadsheet.freshness import purge_rules
from broadsheet.freshness.purge_rules import ArticlePlaces
from broadsheet.freshness.tasks import purge_keys
from broadsheet.site import breaking

_local = threading.local()


# Queueing -----------------------------------------------------------------------------------


class _PendingPurge:
    """The keys one transaction collected; sent as one task when it commits."""

    def __init__(self) -> None:
        self.keys: set[str] = set()
        self.sent = False

    def __call__(self) -> None:
        if self.keys and not self.sent:
            self.sent = True
            purge_keys.enqueue(keys=purge_rules.merge([self.keys]))


def schedule(keys: Iterable[str]) -> None:
    """Purge ``keys`` once the current transaction commits (at once outside a transaction).

    Everything scheduled in one transaction goes out as a single task, so publishing ten
    articles in one go sends one batch, and nothing is purged for a change that rolled back.
    """
    pending = getattr(_local, "pending", None)
    if pending is None or pending.sent or not _awaiting_commit(pending):
        # None yet, or the last one was sent, or its transaction (savepoint) rolled back.
        pending = _local.pending = _PendingPurge()
        pending.keys.update(keys)
        # robust: a purge that cannot be queued is logged; the editor's change stands.
        transaction.on_commit(pending, robust=True)
    else:
        pending.keys.update(keys)


def _awaiting_commit(pending: _PendingPurge) -> bool:
    return any(callback is pending for _, callback, _ in transaction.get_connection().run_on_commit)


# Reading the facts ---------------------------------------------------------------------------


def article_places(article_id: int, *, extra_section_ids: Iterable[int] = ()) -> ArticlePlaces:
    """What lists the article, as stored now (three queries): its section, tags, bylines.
    ``extra_section_ids`` adds sections it was in before (a move)."""
    path = Page.objects.filter(pk=article_id).values_list("path", flat=True).first()
    sections = set(extra_section_ids)
    if path is not None and len(path) > Page.steplen:
        parent = Page.objects.filter(path=path[: -Page.steplen]).values_list("pk", flat=True)
        sections.update(parent)
    tags = ArticleTag.objects.filter(content_object_id=article_id).values_list("tag__slug", flat=1)
    authors = Author.objects.filter(article_links__article_id=article_id).values_list("pk", flat=1)
    return ArticlePlaces(
        article_id=article_id,
        section_ids=tuple(sorted(sections)),
        topic_slugs=tuple(sorted(tags)),
        author_ids=tuple(sorted(authors)),
    )


def schedule_article(article_id: int, *, extra_section_ids: Iterable[int] = ()) -> None:
    # An article shows in listings, neighbours and related lists of other pages: every
    # fragment built from articles goes, as every page showing it is purged.
    fragments.bump([fragments.CONTENT])
    places = article_places(article_id, extra_section_ids=extra_section_ids)
    schedule(purge_rules.for_article(places))


def schedule_whole_sites() -> None:
    fragments.bump([fragments.CONTENT])
    schedule(purge_rules.for_whole_site())


# Receivers -----------------------------------------------------------------------------------


def article_about_to_change(sender, instance: ArticlePage, update_fields=None, **kwargs) -> None:
    """Before a full save of a live article, purge where it showed until now.

    The new version may drop a tag, an author or a URL; the pages that showed the old one must
    go too. Draft saves (``save_revision`` passes ``update_fields``) change nothing readers see.
    """
    if instance.pk and update_fields is None and instance.live:
        schedule_article(instance.pk)


def page_changed(sender, instance: Page, **kwargs) -> None:
    """``page_published`` / ``page_unpublished`` for any page type."""
    if isinstance(instance, ArticlePage):
        schedule_article(instance.pk)
    else:
        # Sections and the front page are named in every page's navigation.
        schedule_whole_sites()


def page_created_live(sender, instance: Page, created: bool = False, **kwargs) -> None:
    """A page saved live at birth (``add_child(instance=…)`` with ``live`` left on: the demo
    builder, imports, a shell) may never be published: once committed, treat it as published.

    Decided after the commit: by then its tags and bylines are saved (so the purge finds
    their pages), and a page published through a revision in the same change (the admin's
    "Publish" on a new page) has a live revision, so ``page_changed`` has handled it already.
    """
    if not created or not instance.live or kwargs.get("raw"):
        return
    page_id = instance.pk

    def unpublished_birth() -> None:
        page = Page.objects.filter(pk=page_id, live=True, live_revision__isnull=True).first()
        if page is not None:
            page_changed(sender, page.specific)

    transaction.on_commit(unpublished_birth)


def page_moved(sender, instance: Page, parent_page_before: Page | None = None, **kwargs) -> None:
    """A page moved or its slug changed: its address and, for an article, maybe its section.

    Its own page is purged by its key whatever address it was stored under."""
    if isinstance(instance.specific_deferred, ArticlePage):
        before = [parent_page_before.pk] if parent_page_before is not None else []
        schedule_article(instance.pk, extra_section_ids=before)
    else:
        schedule_whole_sites()


def comment_changed(sender, comment, article: ArticlePage, **kwargs) -> None:
    """``comment_visibility_changed``: the article's comment pages and the comment feeds."""
    fragments.bump([fragments.comments_of(article.pk)])
    # Comments show where the article's comments are read, not its tags or bylines: no query.
    schedule(purge_rules.for_comment(article.pk))


def comment_policy_changed(sender, article: Page, **kwargs) -> None:
    """Comments opened or closed: the form appears or disappears on the article(s)."""
    if isinstance(article.specific_deferred, ArticlePage):
        comment_changed(sender, comment=None, article=article)
    else:
        schedule_whole_sites()


def breaking_news_saved(sender, instance, **kwargs) -> None:
    """A banner was set or ended: the banner each process remembers, and the pages showing
    it (``purge_rules.for_breaking_news``)."""
    if kwargs.get("raw"):
        return
    fragments.bump([breaking.GENERATION])
    running = instance.running_at(timezone.now())
    schedule(purge_rules.for_breaking_news(running=running))


def breaking_news_deleted(sender, instance, **kwargs) -> None:
    """A banner was deleted: as if it had ended."""
    fragments.bump([breaking.GENERATION])
    schedule(purge_rules.for_breaking_news(running=False))


def shown_everywhere_changed(sender, instance, created: bool = False, **kwargs) -> None:
    """An author's name, a photo, the site's or the comment settings: shown on every page.

    A new row shows nowhere yet: an author or a photo until an article uses it (publishing
    that article purges), settings because a site's settings row is created holding the
    defaults already in force, by the first request that reads them. Changes and deletions
    purge the whole site.
    """
    if kwargs.get("raw") or created:
        return
    schedule_whole_sites()


def restriction_changed(sender, instance, **kwargs) -> None:
    """A page made private or public again: every listing that showed it, or should now."""
    if not kwargs.get("raw"):
        schedule_whole_sites()


def site_changed(sender, instance, **kwargs) -> None:
    """A site added, given another host, port or front page, or removed: which page answers
    at an address changes (app servers remember it, see ``broadsheet.caching.fragments``)."""
    if not kwargs.get("raw"):
        schedule_whole_sites()
