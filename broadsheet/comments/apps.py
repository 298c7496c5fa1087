from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save


class CommentsConfig(AppConfig):
    name = "broadsheet.comments"
    label = "comments"
    verbose_name = "Reader comments"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group

        from broadsheet.articles.models import Author
        from broadsheet.comments.actions import erase_commenter, export_commenter
        from broadsheet.comments.models import (
            Ban,
            BannedWord,
            CommentPolicyOverride,
            SpamFilterState,
        )
        from broadsheet.core import privacy

        # comments_export and comments_erase walk every app's registered keeper.
        privacy.register("comments", export=export_commenter, erase=erase_commenter)
        from broadsheet.comments.signals import (
            moderation_changed,
            override_changed,
            override_moving,
            spam_filter_changed,
            staff_changed,
        )

        # Every way of changing an override (the moderators' admin, close_comments, a shell)
        # announces it, so caches in front of the page never keep the old rules.
        pre_save.connect(override_moving, sender=CommentPolicyOverride)
        post_save.connect(override_changed, sender=CommentPolicyOverride)
        post_delete.connect(override_changed, sender=CommentPolicyOverride)
        # What the pipeline reads on every post is kept by each process until one of these
        # changes (broadsheet.caching.fragments); bulk updates call moderation_changed() themselves.
        # The learned filter has a generation of its own: moderators train it with nearly
        # every decision, which should not make every process reload the bans and words.
        for model in (Ban, BannedWord):
            post_save.connect(moderation_changed, sender=model)
            post_delete.connect(moderation_changed, sender=model)
        post_save.connect(spam_filter_changed, sender=SpamFilterState)
        post_delete.connect(spam_filter_changed, sender=SpamFilterState)
        # Names commenters may not take: staff accounts' and authors'.
        user = get_user_model()
        for model in (user, Group, Author):
            post_save.connect(staff_changed, sender=model)
            post_delete.connect(staff_changed, sender=model)
        for relation in (user.groups, user.user_permissions, Group.permissions):
            m2m_changed.connect(staff_changed, sender=relation.through)
