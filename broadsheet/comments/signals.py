"""Signals other apps listen to.

``comment_visibility_changed`` is sent with ``sender=Comment, comment=<Comment>,
article=<ArticlePage>`` whenever a comment becomes visible, stops being visible, or its visible
text changes, so caches in front of the article can be purged.

``comment_policy_changed`` is sent with ``sender=CommentPolicyOverride, article=<Page>`` whenever
a section's or an article's override is saved or deleted, however that happens (closing or
reopening comments, the moderators' admin): the form may appear or disappear.

The receivers below are this app's own, connected in ``CommentsConfig.ready()``.
"""

from django.dispatch import Signal
from wagtail.models import Page

from broadsheet.caching import fragments
from broadsheet.comments.actions.names import STAFF_NAMES
from broadsheet.comments.models.policy import POLICY

comment_visibility_changed = Signal()
comment_policy_changed = Signal()


def override_moving(sender, instance, **kwargs) -> None:
    """Remember the page an override is saved away from: both pages' rules change."""
    if instance.pk and not kwargs.get("raw"):
        before = sender.objects.filter(pk=instance.pk).values_list("page_id", flat=True).first()
        if before is not None and before != instance.page_id:
            instance._broadsheet_page_before = before


def override_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    fragments.bump([POLICY])
    page_ids = {instance.page_id, instance.__dict__.pop("_broadsheet_page_before", None)}
    # A page gone with its override: that page's own deletion purges.
    for page in Page.objects.filter(pk__in=page_ids - {None}):
        comment_policy_changed.send(sender=sender, article=page)


def moderation_changed(sender=None, **kwargs) -> None:
    """Move the moderation generation: every process reads the bans and words again.

    Fixtures (``raw``) too: nothing else would tell running processes.
    """
    fragments.bump([fragments.MODERATION])


def spam_filter_changed(sender=None, **kwargs) -> None:
    """Move the learned filter's generation: every process checks its version again."""
    fragments.bump([fragments.SPAM_FILTER])


def staff_changed(sender=None, **kwargs) -> None:
    """Move the generation of staff and author names that commenters may not take
    (:mod:`broadsheet.comments.actions.names`): an account, its groups or permissions, a
    group's permissions or an author changed."""
    fragments.bump([STAFF_NAMES])
