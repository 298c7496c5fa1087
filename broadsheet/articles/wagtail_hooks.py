"""Admin registrations: the Articles listing and search, authors (a snippet), the dashboard."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from broadsheet.articles import admin_search, dashboard
from broadsheet.articles.models import Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    add_to_admin_menu = True
    menu_order = 200
    list_display = ["name", "role", "slug"]
    search_fields = ["name", "role"]


register_snippet(AuthorViewSet)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return admin_search.article_listing


@hooks.register("register_admin_viewset")
def register_page_search():
    # Registered after Wagtail's own page viewset (its hook has order -1), this one serves
    # every page view as Wagtail's does; only its search view differs.
    return PageViewSet(search_view_class=admin_search.PageSearchView)


@hooks.register("register_admin_search_area")
def register_article_search_area():
    return admin_search.ArticleSearchArea(reverse("articles:index"))


@hooks.register("construct_homepage_panels")
def add_article_panels(request, panels):
    if user_has_any_page_permission(request.user):
        panels.extend([dashboard.MyDraftsPanel(), dashboard.ScheduledArticlesPanel()])
