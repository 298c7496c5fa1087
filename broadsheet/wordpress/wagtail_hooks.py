"""The "Import from WordPress" screen, for administrators, under Settings."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from broadsheet.wordpress import views

urls = (
    [
        path("", views.index, name="index"),
        path("<int:pk>/", views.detail, name="run"),
        path("<int:pk>/start/", views.start, name="start"),
    ],
    "wordpress_import",
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("wordpress-import/", include(urls))]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return AdministratorsMenuItem(
        _("Import from WordPress"), reverse("wordpress_import:index"), icon_name="download"
    )
