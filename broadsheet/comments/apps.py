from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save, pre_save


class CommentsConfig(AppConfig):
    name = "broadsheet.comments"
    label = "comments"
    verbose_name = "Reader comments"

    def ready(self) -> None:
        from broadsheet.comments.models import (
            Ban,
            BannedWord,
            CommentPolicyOverride,
            SpamFilterState,
        )

        # Every way of changing an override (the moderators' admin, close_comments, a shell)
        # announces it, so caches in front of the page never keep the old rules.
        pre_save.connect(_override_moving, sender=CommentPolicyOverride)
        post_save.connect(_override_changed, sender=CommentPolicyOverride)
        post_delete.connect(_override_changed, sender=CommentPolicyOverride)
        # What the pipeline reads on every post is kept by each process until one of these
        # changes (broadsheet.caching.memo); bulk updates call moderation_changed() themselves.
        # The learned filter has a generation of its own: moderators train it with nearly
        # every decision, which should not make every process reload the bans and words.
        for model in (Ban, BannedWord):
            post_save.connect(moderation_changed, sender=model)
            post_delete.connect(moderation_changed, sender=model)
        post_save.connect(spam_filter_changed, sender=SpamFilterState)
        post_delete.connect(spam_filter_changed, sender=SpamFilterState)


def _override_moving(sender, instance, **kwargs) -> None:
    """Remember the page an override is saved away from: both pages' rules change."""
    if instance.pk and not kwargs.get("raw"):
        before = sender.objects.filter(pk=instance.pk).values_list("page_id", flat=True).first()
        if before is not None and before != instance.page_id:
            instance._broadsheet_page_before = before


def _override_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from broadsheet.comments.signals import comment_policy_changed

    if kwargs.get("raw"):
        return
    page_ids = {instance.page_id, instance.__dict__.pop("_broadsheet_page_before", None)}
    # A page gone with its override: that page's own deletion purges.
    for page in Page.objects.filter(pk__in=page_ids - {None}):
        comment_policy_changed.send(sender=sender, article=page)


def moderation_changed(sender=None, **kwargs) -> None:
    """Move the moderation generation: every process reads the bans and words again.

    Fixtures (``raw``) too: nothing else would tell running processes.
    """
    from broadsheet.caching import fragments

    fragments.bump([fragments.MODERATION])


def spam_filter_changed(sender=None, **kwargs) -> None:
    """Move the learned filter's generation: every process checks its version again."""
    from broadsheet.caching import fragments

    fragments.bump([fragments.SPAM_FILTER])
