"""Signal receivers: tell which event a change is, and record it once the change commits.

Nothing here waits on a receiver: an event is stored after the transaction commits (a change
that rolls back sends nothing) and sent by the worker. Before-states that a signal does not
carry (was the article live, which corrections it had, was the comment visible) are read in
``pre_save`` and kept on the instance for the matching ``post_save`` or ``page_published``.
"""

from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from broadsheet.articles.models import ArticlePage, Correction
from broadsheet.caching import fragments
from broadsheet.comments.models import Comment, CommentState
from broadsheet.live.entries import LiveEntry
from broadsheet.webhooks import actions

_BEFORE = "_broadsheet_webhooks_before"


def emit(name: str, obj: Any) -> None:
    """Record ``name`` about ``obj`` when the current transaction commits (at once outside)."""
    record = partial(actions.record_event, name=name, obj=obj, occurred_at=timezone.now())
    # robust: an event that cannot be recorded is logged; the editor's change stands.
    transaction.on_commit(record, robust=True)


# Articles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleBefore:
    was_live: bool
    correction_ids: frozenset[int]


def article_about_to_change(sender, instance: ArticlePage, update_fields=None, **kwargs) -> None:
    """Before a full save that leaves the article live (publishing does one): was it live,
    and with which corrections. Draft saves pass ``update_fields`` and are left alone."""
    if kwargs.get("raw") or instance.pk is None or update_fields is not None or not instance.live:
        return
    rows = list(ArticlePage.objects.filter(pk=instance.pk).values_list("live", "corrections__pk"))
    if rows:
        corrections = frozenset(pk for _, pk in rows if pk is not None)
        setattr(instance, _BEFORE, ArticleBefore(was_live=rows[0][0], correction_ids=corrections))


def article_published(sender, instance: ArticlePage, **kwargs) -> None:
    """``page_published``: first publication, or a new version of a live article, which may
    also bring a new correction."""
    before = instance.__dict__.pop(_BEFORE, None)
    if before is None or not before.was_live:
        emit("article.published", instance)
        return
    emit("article.updated", instance)
    now = set(Correction.objects.filter(article_id=instance.pk).values_list("pk", flat=True))
    if now - before.correction_ids:
        emit("article.corrected", instance)


def article_unpublished(sender, instance: ArticlePage, **kwargs) -> None:
    emit("article.unpublished", instance)


# Comments -----------------------------------------------------------------------------------


def comment_about_to_change(sender, instance: Comment, update_fields=None, **kwargs) -> None:
    """Before a save that may approve the comment: whether it was approved already."""
    if kwargs.get("raw") or instance.state != CommentState.APPROVED:
        return
    if update_fields is not None and "state" not in update_fields:
        return
    was = None
    if instance.pk is not None:
        was = Comment.objects.filter(pk=instance.pk).values_list("state", flat=True).first()
    setattr(instance, _BEFORE, was)


def comment_saved(sender, instance: Comment, created: bool = False, **kwargs) -> None:
    """``post_save``: a comment that became visible, by a moderator or on arrival."""
    if kwargs.get("raw") or _BEFORE not in instance.__dict__:
        return
    if instance.__dict__.pop(_BEFORE) != CommentState.APPROVED:
        emit("comment.approved", instance)


# Live entries -------------------------------------------------------------------------------


def entry_about_to_change(sender, instance: LiveEntry, update_fields=None, **kwargs) -> None:
    """Before a save that may put the entry live: posted now, or its scheduled time came."""
    if kwargs.get("raw") or not instance.is_published or instance.deleted_at is not None:
        return
    if update_fields is not None and "is_published" not in update_fields:
        return
    was = False
    if instance.pk is not None:
        found = LiveEntry.objects.filter(pk=instance.pk).values_list("is_published", flat=True)
        was = bool(found.first())
    setattr(instance, _BEFORE, was)


def entry_saved(sender, instance: LiveEntry, **kwargs) -> None:
    if kwargs.get("raw") or _BEFORE not in instance.__dict__:
        return
    if not instance.__dict__.pop(_BEFORE):
        emit("liveentry.published", instance)


# Newsletters --------------------------------------------------------------------------------


def edition_sent(sender, edition, **kwargs) -> None:
    """Every address of an edition has been tried (``broadsheet.newsletters.signals``)."""
    emit("newsletter.sent", edition)


# Subscriptions ------------------------------------------------------------------------------


def subscription_changed(sender, instance, **kwargs) -> None:
    """Every process reads again which events are wanted (``actions.wanted_events``)."""
    fragments.bump([actions.SUBSCRIPTIONS])
