"""Signal receivers: read what a change touches, ask the purge rules, queue one batch per commit.

Wagtail's own frontend-cache receivers purge only a published page's own URL; ``apps.py``
replaces them with these, which purge every page that shows the change
(:mod:`broadsheet.freshness.purge_rules`).
"""

import threading
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, Site

from broadsheet.articles.models import ArticlePage, ArticleTag, Author
from broadsheet.caching import fragments
from broadsheet.core.absolute import topic_path
from broadsheet.freshness import purge_rules
from broadsheet.freshness.purge_rules import ArticlePlaces, Target
from broadsheet.freshness.tasks import purge_targets

_local = threading.local()


# Queueing -----------------------------------------------------------------------------------


class _PendingPurge:
    """The targets one transaction collected; sent as one task when it commits."""

    def __init__(self) -> None:
        self.targets: set[Target] = set()
        self.sent = False

    def __call__(self) -> None:
        if self.targets and not self.sent:
            self.sent = True
            purge_targets.enqueue(targets=[t.as_dict() for t in purge_rules.merge(self.targets)])


def schedule(targets: Iterable[Target]) -> None:
    """Purge ``targets`` once the current transaction commits (at once outside a transaction).

    Everything scheduled in one transaction goes out as a single task, so publishing ten
    articles in one go sends one batch, and nothing is purged for a change that rolled back.
    """
    pending = getattr(_local, "pending", None)
    if pending is None or pending.sent or not _awaiting_commit(pending):
        # None yet, or the last one was sent, or its transaction (savepoint) rolled back.
        pending = _local.pending = _PendingPurge()
        pending.targets.update(targets)
        # robust: a purge that cannot be queued is logged; the editor's change stands.
        transaction.on_commit(pending, robust=True)
    else:
        pending.targets.update(targets)


def _awaiting_commit(pending: _PendingPurge) -> bool:
    return any(callback is pending for _, callback, _ in transaction.get_connection().run_on_commit)


# Reading the facts ---------------------------------------------------------------------------


def site_paths(url_path: str) -> list[tuple[str, str]]:
    """``(root_url, path)`` for each site that serves Wagtail's internal ``url_path``."""
    return [
        (root.root_url, url_path[len(root.root_path) - 1 :])
        for root in Site.get_site_root_paths()
        if url_path.startswith(root.root_path)
    ][:1]


def author_path(slug: str) -> str:
    return reverse("site:author", kwargs={"slug": slug})


def article_urls(article_id: int, extra_url_paths: Iterable[str] = ()) -> dict[str, set[str]]:
    """The article's (and its aliases') URL paths as stored now, per site root URL: two
    queries. ``extra_url_paths`` adds internal url_paths it had before (a move)."""
    url_paths = set(extra_url_paths)
    url_paths.update(
        Page.objects.filter(pk=article_id).values_list("url_path", flat=True),
        Page.objects.filter(alias_of_id=article_id).values_list("url_path", flat=True),
    )
    by_root: dict[str, set[str]] = defaultdict(set)
    for url_path in url_paths:
        for root_url, path in site_paths(url_path):
            by_root[root_url].add(path)
    return by_root


def article_places(article_id: int, extra_url_paths: Iterable[str] = ()) -> list[ArticlePlaces]:
    """Where the article shows, as stored now: its URLs (:func:`article_urls`), section, tags,
    bylines."""
    by_root = article_urls(article_id, extra_url_paths)
    tags = ArticleTag.objects.filter(content_object_id=article_id).values_list("tag__slug", flat=1)
    authors = Author.objects.filter(article_links__article_id=article_id).values_list(
        "slug", flat=1
    )
    topic_paths = tuple(sorted(topic_path(slug) for slug in tags))
    author_paths = tuple(sorted(author_path(slug) for slug in authors))
    return [
        ArticlePlaces(
            root_url=root_url,
            paths=tuple(sorted(paths)),
            section_paths=tuple(
                sorted({path.rstrip("/").rsplit("/", 1)[0] + "/" for path in paths})
            ),
            topic_paths=topic_paths,
            author_paths=author_paths,
        )
        for root_url, paths in sorted(by_root.items())
    ]


def schedule_article(article_id: int, extra_url_paths: Iterable[str] = ()) -> None:
    # An article shows in listings, neighbours and related lists of other pages: every
    # fragment built from articles goes, as every page showing it is purged.
    fragments.bump([fragments.CONTENT])
    for places in article_places(article_id, extra_url_paths):
        schedule(purge_rules.for_article(places))


def schedule_whole_sites() -> None:
    fragments.bump([fragments.CONTENT])
    for root in {root.root_url for root in Site.get_site_root_paths()}:
        schedule(purge_rules.for_whole_site(root))


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


def page_moved(sender, instance: Page, url_path_before: str, **kwargs) -> None:
    if isinstance(instance.specific_deferred, ArticlePage):
        schedule_article(instance.pk, extra_url_paths=[url_path_before])
    else:
        schedule_whole_sites()


def comment_changed(sender, comment, article: ArticlePage, **kwargs) -> None:
    """``comment_visibility_changed``: the article's comment pages and the comment feeds."""
    fragments.bump([fragments.comments_of(article.pk)])
    # Comments show on the article's own pages only: its URLs, not its tags or bylines.
    for root_url, paths in sorted(article_urls(article.pk).items()):
        schedule(purge_rules.for_comment(root_url, sorted(paths)))


def comment_policy_changed(sender, article: Page, **kwargs) -> None:
    """Comments opened or closed: the form appears or disappears on the article(s)."""
    if isinstance(article.specific_deferred, ArticlePage):
        comment_changed(sender, comment=None, article=article)
    else:
        schedule_whole_sites()


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
    at an address changes (app servers remember it, see ``broadsheet.caching.memo``)."""
    if not kwargs.get("raw"):
        schedule_whole_sites()
