"""The "Comments" area of Wagtail's admin, shown to those who may moderate."""

from urllib.parse import urlencode

from django.db.models import Count, Min
from django.urls import include, path, reverse, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from broadsheet.articles.models import ArticlePage
from broadsheet.comments.models import Comment, CommentState, policy_for
from broadsheet.comments.moderators import queries, urls
from broadsheet.comments.moderators.article import may_open_or_close
from broadsheet.comments.moderators.views import PERMISSION
from broadsheet.comments.moderators.viewsets import (
    ban_viewset,
    banned_word_viewset,
    policy_override_viewset,
)


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


class QueueMenuItem(ModeratorMenuItem):
    """A queue link whose label carries the number of comments waiting in it."""

    def __init__(self, queue: str, **kwargs) -> None:
        self.queue = queue
        super().__init__(
            queries.QUEUES[queue], reverse_lazy("comments_admin:queue", args=[queue]), **kwargs
        )

    def render_component(self, request):
        component = super().render_component(request)
        counts = getattr(request, "_comment_queue_counts", None)
        if counts is None:
            counts = request._comment_queue_counts = queries.queue_counts()
        count = counts.get(self.queue)
        if count is not None:
            component.label = f"{queries.QUEUES[self.queue]} ({count})"
        return component


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("comments/", include(urls, namespace="comments_admin"))]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [ban_viewset, banned_word_viewset, policy_override_viewset]


class CommentsMenu(SubmenuMenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def register_comments_menu():
    queues = [
        QueueMenuItem(name, icon_name="comment", order=i)
        for i, name in enumerate(["pending", "reported", "approved", "spam", "rejected"])
    ]
    extra = [
        ModeratorMenuItem("Moderation log", reverse_lazy("comments_admin:log"), order=10),
        ModeratorMenuItem("Bans", reverse_lazy("comment_bans:index"), order=11),
        ModeratorMenuItem("Words", reverse_lazy("comment_words:index"), order=12),
        ModeratorMenuItem("Rules", reverse_lazy("comment_policies:index"), order=13),
        ModeratorMenuItem("Spam filter", reverse_lazy("comments_admin:spam_filter"), order=14),
    ]
    menu = Menu(items=[*queues, *extra])
    return CommentsMenu("Comments", menu, icon_name="comment", order=250)


@hooks.register("register_page_header_buttons")
def article_comment_button(page, user, view_name, next_url=None):
    """In an article's header menu: "Reopen comments" or "Close comments", as they are now."""
    if page.specific_class is not ArticlePage or not page.live:
        return
    article = page.specific
    if not may_open_or_close(user, article):
        return
    label = "Reopen comments" if policy_for(article).is_closed else "Close comments"
    url = reverse("comments_admin:article", args=[article.pk])
    if next_url:
        url += "?" + urlencode({"next": next_url})
    yield Button(label, url, icon_name="comment", priority=45)


class PendingCommentsPanel(Component):
    """On the dashboard: how many comments wait for a moderator, and since when."""

    name = "pending_comments"
    template_name = "comments/admin/pending_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        waiting = Comment.objects.filter(state=CommentState.PENDING).aggregate(
            count=Count("pk"), oldest=Min("created_at")
        )
        return {**waiting, "queue_url": reverse("comments_admin:queue", args=["pending"])}


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(PendingCommentsPanel())
