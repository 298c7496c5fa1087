"""The wire desk in Wagtail's admin: incoming items, one item and its versions, write-up."""

import difflib
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.html import strip_tags
from django.views.decorators.http import require_POST

from broadsheet.articles.models import SectionPage
from broadsheet.wire import actions, selectors
from broadsheet.wire.mail import PERMISSION
from broadsheet.wire.models import Item, Source

PAGE_SIZE = 50
USED = {"used": True, "unused": False}


def desk_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _render(request, template: str, title: str, context: dict) -> TemplateResponse:
    context = {"page_title": title, "header_title": title, "header_icon": "pick", **context}
    return TemplateResponse(request, f"wire/{template}", context)


def _number(value: str) -> int | None:
    return int(value) if value.isdigit() else None


@desk_only
def index(request: HttpRequest) -> HttpResponse:
    filters = {key: request.GET.get(key, "").strip() for key in ("source", "section", "q")}
    filters |= {k: request.GET.get(k, "").strip() for k in ("language", "urgency", "used")}
    items = selectors.desk_items(
        source=_number(filters["source"]),
        section=_number(filters["section"]),
        language=filters["language"],
        urgency=_number(filters["urgency"]),
        used=USED.get(filters["used"]),
        search=filters["q"],
    )
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("p"))
    context = {
        "page": page,
        "filters": filters,
        "sources": Source.objects.select_related("health").order_by("name"),
        "sections": SectionPage.objects.order_by("title").only("pk", "title"),
    }
    return _render(request, "desk.html", "Wire", context)


@desk_only
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        Item.objects.select_related("source", "current", "section", "rule", "article"), pk=pk
    )
    versions = list(item.versions.all())
    left = _pick(versions, request.GET.get("a")) or _default_left(item, versions)
    right = _pick(versions, request.GET.get("b")) or item.current
    context = {
        "item": item,
        "versions": versions,
        "left": left,
        "right": right,
        "difference": _difference(left, right) if left and right and left != right else "",
    }
    return _render(
        request, "item.html", item.current.headline if item.current else item.guid, context
    )


@desk_only
@require_POST
def write_up(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Item.objects.select_related("source", "current"), pk=pk)
    if item.killed:
        messages.error(request, "This item was killed or withheld by its source.")
        return redirect("wire_desk:item", pk=pk)
    try:
        article = actions.write_up(item=item, user=request.user)
    except actions.NoSection as error:
        messages.error(request, str(error))
        return redirect("wire_desk:item", pk=pk)
    return redirect("wagtailadmin_pages:edit", article.pk)


@desk_only
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Item, pk=pk)
    actions.acknowledge(item=item, user=request.user)
    messages.success(request, "The article's notice of a newer version is dismissed.")
    if item.article_id:
        return redirect("wagtailadmin_pages:edit", item.article_id)
    return redirect("wire_desk:item", pk=pk)


def _pick(versions, pk: str | None):
    return next((v for v in versions if str(v.pk) == pk), None)


def _default_left(item: Item, versions):
    """The version the article was made from when there is a newer one, else the one before."""
    if item.has_newer_version:
        return next((v for v in versions if v.pk == item.used_version_id), None)
    return versions[-2] if len(versions) > 1 else None


def _difference(left, right) -> str:
    """A side-by-side table of what changed (difflib escapes the text)."""

    def lines(version) -> list[str]:
        body = strip_tags(version.body.replace("</p>", "</p>\n").replace("</h", "\n</h"))
        return [version.headline, version.summary, "", *filter(None, body.splitlines())]

    return difflib.HtmlDiff(wrapcolumn=60).make_table(
        lines(left), lines(right), f"Version {left.version}", f"Version {right.version}"
    )
