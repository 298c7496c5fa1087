from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from broadsheet.articles.stories import Story
from broadsheet.live import admin_urls
from broadsheet.live.models import LiveBlogPage
from broadsheet.site import admin_views as breaking_admin


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("live/", include(admin_urls, namespace="live_compose"))]


@hooks.register("register_page_header_buttons")
def compose_button(page, user, view_name, next_url=None):
    """In a live blog's header menu: the compose screen for its entries, and (once it is
    published) a breaking news banner leading to it."""
    if page.specific_class is LiveBlogPage:
        url = reverse("live_compose:compose", args=[page.pk])
        yield Button("Post entries", url, icon_name="edit", priority=10)
        if page.live and user.has_perm(breaking_admin.PERMISSION):
            flag = breaking_admin.flag_url(page)
            yield Button("Flag as breaking", flag, icon_name="warning", priority=20)


@hooks.register("register_page_listing_buttons")
def compose_listing_button(page, user, next_url=None):
    if page.specific_class is LiveBlogPage:
        url = reverse("live_compose:compose", args=[page.pk])
        yield Button("Post entries", url, icon_name="edit", priority=10)


class StoryViewSet(SnippetViewSet):
    model = Story
    icon = "list-ul"
    menu_label = "Developing stories"
    list_display = ["title", "slug"]
    search_fields = ["title"]
    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("explainer")]


register_snippet(StoryViewSet)
