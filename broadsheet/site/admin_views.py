"""The breaking news screen in the admin: set a banner (or flag an article as breaking) and
take it down. Thin views: check the permission, validate the form, call ``breaking``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.widgets import AdminDateTimeInput
from wagtail.models import Page, Site

from broadsheet.site import breaking
from broadsheet.site.models import BreakingNews

PERMISSION = "broadsheet_site.add_breakingnews"
HISTORY = 20


class BannerForm(forms.ModelForm):
    site = forms.ModelChoiceField(queryset=Site.objects.all(), empty_label=None)

    class Meta:
        model = BreakingNews
        fields = ["site", "text", "link", "expires_at", "article"]
        widgets = {"expires_at": AdminDateTimeInput(), "article": forms.HiddenInput()}
        help_texts = {
            "text": gettext_lazy("One line, as readers will see it after “Breaking”."),
            "link": gettext_lazy("Where it leads: a path on this site or an https:// address."),
        }


def flag_url(page: Page) -> str:
    """The banner form, filled in from ``page`` (its headline and address)."""
    return reverse("breaking_news:banner") + f"?page={page.pk}"


def _require(request: HttpRequest) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _initial(request: HttpRequest) -> dict:
    """Flagging an article as breaking starts from its headline and address."""
    initial: dict = {"site": Site.objects.filter(is_default_site=True).first()}
    page_id = request.GET.get("page", "")
    page = Page.objects.filter(pk=page_id).first() if page_id.isdigit() else None
    if page is not None:
        site = page.get_site()
        url_parts = page.get_url_parts()
        initial.update(text=page.title, article=page.pk, site=site or initial["site"])
        if url_parts is not None and page.live:
            initial["link"] = url_parts[2]
    return initial


def banner(request: HttpRequest) -> HttpResponse:
    _require(request)
    form = BannerForm(request.POST or None, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        breaking.set_banner(
            data["site"].pk,
            text=data["text"],
            link=data["link"],
            expires_at=data["expires_at"],
            article_id=data["article"].pk if data["article"] else None,
            user=request.user,
        )
        messages.success(request, _("The banner is running: readers see it within seconds."))
        return redirect("breaking_news:banner")
    sites = Site.objects.all()
    running = [(site, breaking.running(site.pk)) for site in sites]
    title = _("Breaking news")
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "warning",
        "form": form,
        "media": form.media,
        "running": [(site, item) for site, item in running if item is not None],
        "history": BreakingNews.objects.select_related("site", "created_by").order_by(
            "-created_at", "-pk"
        )[:HISTORY],
        "several_sites": len(sites) > 1,
    }
    return TemplateResponse(request, "site/admin/breaking.html", context)


@require_POST
def take_down(request: HttpRequest, site_id: int) -> HttpResponse:
    _require(request)
    if breaking.take_down(site_id):
        messages.success(request, _("The banner is down: readers stop seeing it within seconds."))
    else:
        messages.warning(request, _("No banner was running."))
    return redirect("breaking_news:banner")
