"""Reader views on existing comments: like, report, edit, delete; and email unsubscribe."""

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.comments import actions, web
from broadsheet.comments.forms import EditForm, ReportForm
from broadsheet.comments.models import Comment
from broadsheet.comments.notifications import email_from_unsubscribe_token
from broadsheet.comments.pipeline import Refused
from broadsheet.comments.views import FORBIDDEN, _is_author


@csrf_exempt
@never_cache
@require_POST
def like(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.visible(), pk=pk)
    if not web.post_allowed(request):
        return HttpResponseForbidden(FORBIDDEN)
    counted = actions.like_comment(
        comment=comment,
        user=request.user,
        guest_key_hash=web.hash_guest_key(web.ensure_guest_key(request)),
        ip_hash=web.ip_hash(request),
    )
    if web.wants_json(request):
        response = JsonResponse({"ok": True, "counted": counted, "likes": comment.like_count})
    else:
        response = redirect(comment.get_absolute_url())
    return web.set_guest_cookie(request, response)


@csrf_exempt
@never_cache
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: a small page with the reasons. POST (from it or the page script): the report."""
    comment = get_object_or_404(Comment.objects.visible().select_related("article"), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST":
        if not web.post_allowed(request):
            return HttpResponseForbidden(FORBIDDEN)
        if form.is_valid():
            actions.report_comment(
                comment=comment,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
                user=request.user,
                guest_key_hash=web.hash_guest_key(web.ensure_guest_key(request)),
                ip_hash=web.ip_hash(request),
            )
            if web.wants_json(request):
                response = JsonResponse({"ok": True, "message": "Thank you for the report."})
            else:
                response = render(request, "comments/reported.html", {"comment": comment})
            return web.set_guest_cookie(request, response)
        if web.wants_json(request):
            return JsonResponse({"ok": False, "message": "Choose a reason."}, status=400)
    return render(request, "comments/report.html", {"comment": comment, "form": form})


@never_cache
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The author changes their comment within the edit window (marked "edited")."""
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if not _is_author(request, comment):
        return HttpResponseForbidden("Only the author can edit this comment.")
    form = EditForm(request.POST or None, initial={"text": comment.text})
    error = ""
    if not actions.can_still_edit(comment):
        error = "The ten minutes for editing this comment have passed."
    elif request.method == "POST" and form.is_valid():
        try:
            actions.edit_comment(
                comment=comment, text=form.cleaned_data["text"], actor=request.user
            )
        except Refused as refusal:
            error = refusal.message
        else:
            from broadsheet.comments.views import status_url  # noqa: PLC0415

            return redirect(status_url(comment))
    context = {"comment": comment, "form": form, "error": error}
    return render(request, "comments/edit.html", context, status=403 if error else 200)


@never_cache
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    """The author removes their comment ("comment removed" if it has replies)."""
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if not _is_author(request, comment):
        return HttpResponseForbidden("Only the author can delete this comment.")
    if request.method == "POST":
        actions.delete_comment(comment=comment, actor=request.user)
        return render(request, "comments/deleted.html", {"article": comment.article})
    return render(request, "comments/delete.html", {"comment": comment})


@csrf_exempt
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One click from the email (GET), or the mail client's one-click POST (RFC 8058)."""
    email = email_from_unsubscribe_token(token)
    if email is None:
        return render(request, "comments/unsubscribed.html", {"invalid": True}, status=400)
    resubscribe = request.method == "POST" and request.POST.get("resubscribe") == "1"
    comments = Comment.objects.filter(email__iexact=email)
    if resubscribe:
        # Only comments that had asked for notifications before are switched back on.
        comments.filter(pk__in=_unsubscribed_ids(request)).update(notify_replies=True)
    else:
        ids = list(comments.filter(notify_replies=True).values_list("pk", flat=True))
        comments.update(notify_replies=False)
        request.unsubscribed_ids = ids
    context = {"token": token, "resubscribed": resubscribe, "ids": _id_list(request)}
    return render(request, "comments/unsubscribed.html", context)


def _unsubscribed_ids(request: HttpRequest) -> list[int]:
    return [int(i) for i in request.POST.get("ids", "").split(",") if i.isdigit()]


def _id_list(request: HttpRequest) -> str:
    return ",".join(str(i) for i in getattr(request, "unsubscribed_ids", []))
