from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CommentsConfig(AppConfig):
    name = "broadsheet.comments"
    label = "comments"
    verbose_name = "Reader comments"

    def ready(self) -> None:
        from broadsheet.comments.models import CommentPolicyOverride

        # Every way of changing an override (the moderators' admin, close_comments, a shell)
        # announces it, so caches in front of the page never keep the old rules.
        post_save.connect(_override_changed, sender=CommentPolicyOverride)
        post_delete.connect(_override_changed, sender=CommentPolicyOverride)


def _override_changed(sender, instance, **kwargs) -> None:
    from wagtail.models import Page

    from broadsheet.comments.signals import comment_policy_changed

    if kwargs.get("raw"):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone with its page: that page's own deletion purges
        comment_policy_changed.send(sender=sender, article=page)
