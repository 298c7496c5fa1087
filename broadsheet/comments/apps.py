from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


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
        post_save.connect(_override_changed, sender=CommentPolicyOverride)
        post_delete.connect(_override_changed, sender=CommentPolicyOverride)
        # What the pipeline reads on every post is kept by each process until one of these
        # changes (broadsheet.caching.memo); bulk updates call moderation_changed() themselves.
        for model in (Ban, BannedWord, SpamFilterState):
            post_save.connect(moderation_changed, sender=model)
            post_delete.connect(moderation_changed, sender=model)


def _override_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from broadsheet.comments.signals import comment_policy_changed

    if kwargs.get("raw"):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone with its page: that page's own deletion purges
        comment_policy_changed.send(sender=sender, article=page)


def moderation_changed(sender=None, **kwargs) -> None:
    """Move the moderation generation: every process reads bans, words and the filter again."""
    from broadsheet.caching import fragments

    if not kwargs.get("raw"):
        fragments.bump([fragments.MODERATION])
