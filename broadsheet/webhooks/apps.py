from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Webhooks: events from the apps' own signals, sent to the subscriptions that chose them."""

    name = "broadsheet.webhooks"
    label = "webhooks"
    verbose_name = "Webhooks"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save, pre_save
        from wagtail.signals import page_published, page_unpublished

        from broadsheet.articles.models import ArticlePage
        from broadsheet.comments.models import Comment
        from broadsheet.core import scheduling
        from broadsheet.live.entries import LiveEntry
        from broadsheet.newsletters.signals import edition_sent
        from broadsheet.webhooks import receivers
        from broadsheet.webhooks.delivering import deliver_due
        from broadsheet.webhooks.models import Subscription

        pre_save.connect(receivers.article_about_to_change, sender=ArticlePage)
        page_published.connect(receivers.article_published, sender=ArticlePage)
        page_unpublished.connect(receivers.article_unpublished, sender=ArticlePage)
        pre_save.connect(receivers.comment_about_to_change, sender=Comment)
        post_save.connect(receivers.comment_saved, sender=Comment)
        pre_save.connect(receivers.entry_about_to_change, sender=LiveEntry)
        post_save.connect(receivers.entry_saved, sender=LiveEntry)
        edition_sent.connect(receivers.edition_sent)
        post_save.connect(receivers.subscription_changed, sender=Subscription)
        post_delete.connect(receivers.subscription_changed, sender=Subscription)

        # `broadsheet worker` sends due deliveries and retries once a minute.
        scheduling.register(deliver_due)
