from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from broadsheet.articles.models import ArticlePage
from broadsheet.site import admin_urls
from broadsheet.site.admin_views import PERMISSION, flag_url


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("breaking/", include(admin_urls, namespace="breaking_news"))]


class BreakingMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_menu_item")
def breaking_menu_item():
    return BreakingMenuItem(
        _("Breaking news"), reverse("breaking_news:banner"), icon_name="warning", order=250
    )


@hooks.register("register_page_header_buttons")
def flag_button(page, user, view_name, next_url=None):
    """In a published article's header menu: run a banner leading to it."""
    cls = page.specific_class
    if page.live and cls is not None and issubclass(cls, ArticlePage) and user.has_perm(PERMISSION):
        yield Button(_("Flag as breaking"), flag_url(page), icon_name="warning", priority=20)
