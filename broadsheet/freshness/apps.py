from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_save, pre_save


class FreshnessConfig(AppConfig):
    """Exact purging: the signals of every app that changes what readers see, wired to the
    handlers that move generations and purge the HTTP cache. Listed after
    ``wagtail.contrib.frontend_cache``, whose page-only receivers it replaces."""

    name = "broadsheet.freshness"
    label = "freshness"
    verbose_name = "Freshness"

    def ready(self) -> None:
        from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purging
        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from broadsheet.articles.models import ArticlePage, Author
        from broadsheet.articles.stories import Story
        from broadsheet.comments.models import CommentSettings
        from broadsheet.comments.signals import comment_policy_changed, comment_visibility_changed
        from broadsheet.core.models import SiteSettings
        from broadsheet.freshness import handlers, live, newsletters
        from broadsheet.images.models import Photo
        from broadsheet.live.models import LiveBlogPage, LiveEntry
        from broadsheet.newsletters.models import Edition, Newsletter
        from broadsheet.newsletters.signals import edition_sent
        from broadsheet.site.models import BreakingNews

        page_models = [model for model in apps.get_models() if issubclass(model, Page)]
        for model in page_models:
            # Replace Wagtail's "purge the page's own URL" with the full set of pages showing it.
            page_published.disconnect(wagtail_purging.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(
                wagtail_purging.page_unpublished_signal_handler, sender=model
            )
            page_published.connect(handlers.page_changed, sender=model)
            page_unpublished.connect(handlers.page_changed, sender=model)
            post_save.connect(handlers.page_created_live, sender=model)
        post_page_move.connect(handlers.page_moved)
        for signal in (page_published, page_unpublished):  # a live blog: its own pages only
            signal.disconnect(handlers.page_changed, sender=LiveBlogPage)
            signal.connect(live.blog_page_changed, sender=LiveBlogPage)
        post_save.connect(live.entry_changed, sender=LiveEntry)
        post_delete.connect(live.entry_changed, sender=LiveEntry)
        for model in (ArticlePage, LiveBlogPage):  # developing stories
            pre_save.connect(live.story_item_about_to_change, sender=model)
            page_published.connect(live.story_item_changed, sender=model)
            page_unpublished.connect(live.story_item_changed, sender=model)
        post_save.connect(live.story_changed, sender=Story)
        post_delete.connect(live.story_changed, sender=Story)
        pre_save.connect(handlers.article_about_to_change, sender=ArticlePage)
        comment_visibility_changed.connect(handlers.comment_changed)
        comment_policy_changed.connect(handlers.comment_policy_changed)
        for model in (Author, Photo, SiteSettings, CommentSettings):
            post_save.connect(handlers.shown_everywhere_changed, sender=model)
            post_delete.connect(handlers.shown_everywhere_changed, sender=model)
        post_save.connect(handlers.restriction_changed, sender=PageViewRestriction)
        post_delete.connect(handlers.restriction_changed, sender=PageViewRestriction)
        post_save.connect(handlers.breaking_news_saved, sender=BreakingNews)
        post_delete.connect(handlers.breaking_news_deleted, sender=BreakingNews)
        post_save.connect(handlers.site_changed, sender=Site)
        post_delete.connect(handlers.site_changed, sender=Site)
        post_save.connect(newsletters.newsletter_changed, sender=Newsletter)
        post_delete.connect(newsletters.newsletter_changed, sender=Newsletter)
        edition_sent.connect(newsletters.edition_sent)
        post_delete.connect(newsletters.edition_deleted, sender=Edition)
