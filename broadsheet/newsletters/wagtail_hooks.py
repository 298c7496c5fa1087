"""The Newsletters menu, its extra screens, and "Send as alert" on a live article."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.widgets import Button

from broadsheet.articles.models import ArticlePage
from broadsheet.newsletters import admin_urls
from broadsheet.newsletters.viewsets import PERMISSION, NewslettersGroup


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsletters/", include(admin_urls, namespace="newsletter_admin"))]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return NewslettersGroup()


@hooks.register("register_page_header_buttons")
def alert_button(page, user, view_name, next_url=None):
    if page.specific_class is ArticlePage and page.live and user.has_perm(PERMISSION):
        yield Button(
            "Send as alert",
            reverse("newsletter_admin:alert", args=[page.pk]),
            icon_name="mail",
            priority=60,
        )
