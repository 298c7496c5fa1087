"""The compose screen: post, edit and delete a live blog's entries without opening or
publishing the page. Thin views: authorise on the page, validate the form, call an action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from broadsheet.live import actions
from broadsheet.live.entries import LiveEntry
from broadsheet.live.forms import EntryForm
from broadsheet.live.models import LiveBlogPage

RECENT = 30


def _blog_for(request: HttpRequest, page_id: int) -> LiveBlogPage:
    blog = get_object_or_404(LiveBlogPage, pk=page_id)
    if not blog.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return blog


def compose(request: HttpRequest, page_id: int, entry_id: int | None = None) -> HttpResponse:
    blog = _blog_for(request, page_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, blog=blog) if entry_id else None
    # An edit left without a time keeps the entry's own; a new entry goes out now.
    kept_time = entry.published_at if entry else None
    form = EntryForm(request.POST or None, instance=entry or LiveEntry(blog=blog))
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.published_at = form.cleaned_data["published_at"] or kept_time or timezone.now()
        actions.save_entry(entry=saved, authors=form.cleaned_data["authors"])
        live = saved.is_published
        messages.success(request, _("Entry posted.") if live else _("Entry scheduled."))
        return redirect("live_compose:compose", page_id=blog.pk)
    recent = blog.entries.filter(deleted_at__isnull=True).order_by("-published_at", "-pk")
    title = _("Live: %(headline)s") % {"headline": blog.title}
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "edit",
        "blog": blog,
        "form": form,
        "media": form.media,
        "editing": entry,
        "recent": recent[:RECENT],
    }
    return TemplateResponse(request, "live/admin/compose.html", context)


@require_POST
def delete(request: HttpRequest, page_id: int, entry_id: int) -> HttpResponse:
    blog = _blog_for(request, page_id)
    entry = get_object_or_404(LiveEntry, pk=entry_id, blog=blog, deleted_at__isnull=True)
    actions.delete_entry(entry=entry)
    messages.success(request, _("Entry deleted."))
    return redirect("live_compose:compose", page_id=blog.pk)
