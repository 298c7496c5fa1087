"""Reads for the reader side: an article's threads, one page at a time, in a fixed few queries.

Threads load in one query whatever their size: every reply stores its thread's top-level comment
(``thread``), so "this page of top-level comments and everything under them" is a single
``WHERE pk IN (page) OR thread_id IN (page)``.
"""

import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from broadsheet.caching import fragments, keys
from broadsheet.comments import keys as comment_keys
from broadsheet.comments.links import reader_links
from broadsheet.comments.models import Comment, CommentState, Policy

SORTS = {
    "oldest": ("-featured", "created_at", "pk"),
    "newest": ("-featured", "-created_at", "-pk"),
    "liked": ("-featured", "-like_count", "created_at", "pk"),
}
DEFAULT_SORT = "oldest"
SORT_LABELS = {"oldest": "Oldest", "newest": "Newest", "liked": "Most liked"}


@dataclass
class Node:
    comment: Comment
    children: list["Node"] = field(default_factory=list)
    answers: Comment | None = None  # set when the reply sits beside, not under, what it answers
    _links: dict[str, str] | None = field(default=None, repr=False)

    @property
    def links(self) -> dict[str, str]:
        """Permalink, like, reply and report URLs (:func:`links.attach_links` sets a page's)."""
        if self._links is None:
            self._links = reader_links(self.comment.pk)
        return self._links

    @links.setter
    def links(self, value: dict[str, str]) -> None:
        self._links = value

    @property
    def removed(self) -> bool:
        return self.comment.state == CommentState.REMOVED


@dataclass
class ThreadPage:
    count: int
    threads: list[Node]
    page: int
    pages: int
    sort: str

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def _shown_top_level(article) -> Q:
    """Top-level comments a reader sees: approved, or removed but holding visible replies."""
    visible_reply = Comment.objects.filter(thread=OuterRef("pk"), state=CommentState.APPROVED)
    return Q(article=article, parent__isnull=True) & (
        Q(state=CommentState.APPROVED) | Q(Exists(visible_reply), state=CommentState.REMOVED)
    )


def counts(article) -> tuple[int, int]:
    """(visible comments, top-level threads shown) in one query."""
    keys.add(comment_keys.of_article(article.pk))
    shown = _shown_top_level(article)
    totals = Comment.objects.filter(article=article).aggregate(
        visible=Count("pk", filter=Q(state=CommentState.APPROVED)),
        threads=Count("pk", filter=shown),
    )
    return totals["visible"], totals["threads"]


def article_listing(
    article, *, policy: Policy, page: int = 1, sort: str = DEFAULT_SORT
) -> ThreadPage:
    """One page of an article's threads, sorted, with their replies. Two queries."""
    sort = sort if sort in SORTS else DEFAULT_SORT
    visible, threads = counts(article)
    pages = max(1, math.ceil(threads / policy.page_size))
    page = min(max(1, page), pages)
    start = (page - 1) * policy.page_size
    top = (
        Comment.objects.filter(_shown_top_level(article))
        .order_by(*SORTS[sort])
        .values("pk")[start : start + policy.page_size]
    )
    rows = list(
        Comment.objects.filter(Q(pk__in=top) | Q(thread_id__in=top))
        .filter(state__in=[CommentState.APPROVED, CommentState.REMOVED])
        .defer("email", "ip_hash", "guest_key_hash", "original_text", "fingerprint")
    )
    return ThreadPage(
        count=visible, threads=build_threads(rows, sort=sort), page=page, pages=pages, sort=sort
    )


def build_threads(rows: list[Comment], *, sort: str = DEFAULT_SORT) -> list[Node]:
    """Arrange loaded comments into trees; drop removed comments with nothing visible below."""
    nodes = {row.pk: Node(row) for row in rows}
    roots = []
    for node in nodes.values():
        comment = node.comment
        if comment.replied_to_id and comment.replied_to_id != comment.parent_id:
            answered = nodes.get(comment.replied_to_id)
            node.answers = answered.comment if answered else None
        parent = nodes.get(comment.parent_id) if comment.parent_id else None
        if parent is not None:
            parent.children.append(node)
        elif comment.parent_id is None:
            roots.append(node)
    for node in nodes.values():
        node.children.sort(key=lambda n: (n.comment.created_at, n.comment.pk))
    order = SORTS[sort if sort in SORTS else DEFAULT_SORT]
    roots.sort(key=_sort_key(order))
    return [root for root in roots if _prune(root)]


def _sort_key(order: tuple[str, ...]):
    def key(node: Node):
        parts = []
        for name in order:
            value = getattr(node.comment, name.lstrip("-"))
            if isinstance(value, bool):
                value = int(value)
            if name.startswith("-"):
                value = -value.timestamp() if hasattr(value, "timestamp") else -value
            elif hasattr(value, "timestamp"):
                value = value.timestamp()
            parts.append(value)
        return tuple(parts)

    return key


def _prune(node: Node) -> bool:
    """Keep a node if it is visible or has a visible descendant."""
    node.children = [child for child in node.children if _prune(child)]
    return not node.removed or bool(node.children)


def page_of(comment: Comment, *, policy: Policy) -> int:
    """The listing page (default sort) that shows ``comment``'s thread."""
    root = comment if comment.thread_id is None else comment.thread
    earlier = Q(featured__gt=root.featured) | Q(
        Q(created_at__lt=root.created_at) | Q(created_at=root.created_at, pk__lt=root.pk),
        featured=root.featured,
    )
    before = Comment.objects.filter(_shown_top_level(comment.article_id)).filter(earlier).count()
    return before // policy.page_size + 1


RANKING_SECONDS = 300


def most_commented_articles(*, limit: int = 5, days: int = 7) -> list:
    """Live articles with the most approved comments written in the last ``days``.

    Counting a busy week's comments reads every one of them, so the ranking (article ids
    only) is kept in the cache for :data:`RANKING_SECONDS`; titles and addresses are read
    in one query, remembered by the process until the content changes.
    """

    keys.add(comment_keys.ANY)
    key = f"comments:most-commented:{limit}:{days}"
    ranking = cache.get(key)
    if ranking is None:
        since = timezone.now() - timedelta(days=days)
        # A few spares, in case some of the most commented were unpublished since.
        ranking = list(
            Comment.objects.filter(state=CommentState.APPROVED, created_at__gte=since)
            .values("article_id")
            .annotate(recent=Count("pk"))
            .order_by("-recent", "-article_id")
            .values_list("article_id", flat=True)[: limit * 3]
        )
        cache.set(key, ranking, RANKING_SECONDS)
    if not ranking:
        return []
    position = {pk: n for n, pk in enumerate(ranking)}
    return fragments.remember(
        "most-commented",
        [limit, *ranking],
        lambda: sorted(
            ArticlePage.objects.live().filter(pk__in=ranking).only("title", "url_path"),
            key=lambda article: position[article.pk],
        )[:limit],
    )
