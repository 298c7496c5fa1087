"""What a commenter does with their own comments: see what became of one, edit it, delete it,
and stop reply notifications from the email.
"""

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from broadsheet.comments import actions, selectors, web
from broadsheet.comments.forms import EditForm
from broadsheet.comments.mail import email_from_unsubscribe_token
from broadsheet.comments.models import Comment
from broadsheet.comments.pipeline import Refused

STATUS_SALT = "broadsheet.comments.status"


def status_url(comment: Comment) -> str:
    token = signing.dumps(comment.pk, salt=STATUS_SALT)
    return reverse("comments:status", args=[comment.pk]) + f"?t={token}"


def is_author(request: HttpRequest, comment: Comment) -> bool:
    """Whether the request comes from the comment's author: their account, or a guest's key."""
    if request.user.is_authenticated and comment.user_id == request.user.pk:
        return True
    key_hash = web.guest_key_hash(request)
    return bool(key_hash) and comment.user_id is None and key_hash == comment.guest_key_hash


@never_cache
def comment_status(request: HttpRequest, pk: int) -> HttpResponse:
    """What happened to the reader's comment. Needs the signed token from the redirect."""
    try:
        token_pk = signing.loads(request.GET.get("t", ""), salt=STATUS_SALT, max_age=24 * 3600)
    except signing.BadSignature:
        raise Http404 from None
    if token_pk != pk:
        raise Http404
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    context = {
        "comment": comment,
        "article": comment.article,
        "node": selectors.Node(comment),
        "can_edit": is_author(request, comment) and actions.can_still_edit(comment),
    }
    return render(request, "comments/status.html", context)


@never_cache
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The author changes their comment within the edit window (marked "edited")."""
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if not is_author(request, comment):
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
            return redirect(status_url(comment))
    context = {"comment": comment, "form": form, "error": error}
    return render(request, "comments/edit.html", context, status=403 if error else 200)


@never_cache
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    """The author removes their comment ("comment removed" if it has replies)."""
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    if not is_author(request, comment):
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
    comments = Comment.objects.by_commenter(email=email)
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
