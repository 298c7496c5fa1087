"""The "Wire" area of the admin, and what an article made from a wire item tells its editor."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button

from broadsheet.articles.models import ArticlePage
from broadsheet.wire import urls
from broadsheet.wire.mail import PERMISSION
from broadsheet.wire.models import Item
from broadsheet.wire.viewsets import rule_viewset, source_viewset


class DeskMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


class WireMenu(SubmenuMenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("wire/", include(urls, namespace="wire_desk"))]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [source_viewset, rule_viewset]


@hooks.register("register_admin_menu_item")
def register_wire_menu():
    menu = Menu(
        items=[
            DeskMenuItem("Incoming", reverse_lazy("wire_desk:index"), icon_name="pick", order=0),
            DeskMenuItem("Sources", reverse_lazy("wire_sources:index"), icon_name="rss", order=1),
            DeskMenuItem("Routing rules", reverse_lazy("wire_rules:index"), order=2),
        ]
    )
    return WireMenu("Wire", menu, icon_name="pick", order=240)


@hooks.register("register_page_header_buttons")
def wire_item_button(page, user, view_name, next_url=None):
    """In the header menu of an article made from a wire item: the item, with its versions."""
    if page.specific_class is not ArticlePage or not user.has_perm(PERMISSION):
        return
    item_id = Item.objects.filter(article_id=page.pk).values_list("pk", flat=True).first()
    if item_id is not None:
        yield Button(
            "Wire item", reverse("wire_desk:item", args=[item_id]), icon_name="pick", priority=50
        )


@hooks.register("before_edit_page")
def wire_notices(request, page):
    """On an article made from a wire item: say when the source sent a newer version or
    killed it, and refuse to publish it before its embargo."""
    if page.specific_class is not ArticlePage:
        return None
    item = Item.objects.filter(article_id=page.pk).select_related("current", "source").first()
    if item is None or item.current is None:
        return None
    embargo = item.current.embargo_until
    if request.method == "POST" and "action-publish" in request.POST:
        if embargo and embargo > timezone.now() and not _scheduled_after(request, embargo):
            messages.error(
                request,
                f"Embargoed by {item.source.outlet} until {embargo:%Y-%m-%d %H:%M} UTC: set a "
                "go-live time no earlier than that in the publishing schedule.",
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    if request.method != "GET":
        return None
    link = reverse("wire_desk:item", args=[item.pk])
    if item.killed:
        messages.error(
            request,
            format_html(
                "{} has {} this report. <a href='{}'>See the item</a>.",
                item.source.outlet,
                item.get_status_display().lower(),
                link,
            ),
        )
    elif item.has_newer_version:
        messages.warning(
            request,
            format_html(
                "{} sent a newer version of this report. <a href='{}'>See what changed</a>.",
                item.source.outlet,
                link,
            ),
        )
    return None


@hooks.register("before_bulk_action")
def hold_embargoed_in_bulk(request, action_type, objects, action_class_instance):
    """Bulk publishing from the page explorer leaves out nothing: it is refused whole when
    one of the pages is an article whose wire item is still under embargo."""
    if action_type != "publish":
        return None
    held = Item.objects.filter(
        article_id__in=[page.pk for page in objects], current__embargo_until__gt=timezone.now()
    ).select_related("article")
    names = [item.article.title for item in held]
    if not names:
        return None
    messages.error(request, "Still under embargo, so nothing was published: " + "; ".join(names))
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("wagtailadmin_explore_root")
    return redirect(back)


def _scheduled_after(request, embargo) -> bool:
    """Whether the posted go-live time is at or after ``embargo``."""
    raw = request.POST.get("go_live_at", "").strip()
    if not raw:
        return False
    from_form = ArticlePage._meta.get_field("go_live_at").formfield()
    try:
        moment = from_form.clean(raw)
    except Exception:  # unreadable: Wagtail's form will say so; the embargo holds meanwhile
        return False
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment >= embargo
