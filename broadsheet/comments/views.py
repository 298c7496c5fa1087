"""Reader views: post, reply, like, report, permalink, status, edit, delete, unsubscribe.

Every view answers both plain form posts (redirect, then a page) and the page script's fetches
(``Accept: application/json``). Nothing here is cacheable; the article page itself is.
"""

import copy

from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.articles.models import ArticlePage
from broadsheet.caching import fragments, memo
from broadsheet.comments import actions, selectors, web
from broadsheet.comments.forms import CommentForm
from broadsheet.comments.models import Comment, policy_for
from broadsheet.comments.models.policy import policy_for_page
from broadsheet.comments.pipeline import Refused
from broadsheet.comments.pipeline.timestamp import make_token

STATUS_SALT = "broadsheet.comments.status"
FORBIDDEN = "This form was sent from another site, so it was refused."


def status_url(comment: Comment) -> str:
    token = signing.dumps(comment.pk, salt=STATUS_SALT)
    return reverse("comments:status", args=[comment.pk]) + f"?t={token}"


def _article(article_id: int) -> ArticlePage:
    # Whether an article is live and public changes only with the content: remembered by the
    # process under its generation (broadsheet.caching.memo); each request gets a copy.
    article = memo.recall(
        ("live-public-article", article_id),
        lambda: ArticlePage.objects.live().public().filter(pk=article_id).first(),
    )
    if article is None:
        raise Http404
    return copy.copy(article)


def _form_page(
    request, article, form, *, message: str = "", status: int = 400, parent=None
) -> HttpResponse:
    """The comment form again, on its own uncached page, with what the reader typed."""
    if web.wants_json(request):
        errors = {k: [str(e) for e in v] for k, v in form.errors.items()} if form.is_bound else {}
        return JsonResponse({"ok": False, "message": message, "errors": errors}, status=status)
    if parent is None and form.is_bound and str(form.data.get("parent", "")).isdigit():
        parent = Comment.objects.visible().filter(pk=form.data["parent"]).first()
    context = {
        "article": article,
        "form": form,
        "message": message,
        "token": make_token(article.pk),
        "parent": parent,
        "reader": request.user if request.user.is_authenticated else None,
        "policy": policy_for(article, request=request),
    }
    return render(request, "comments/form_page.html", context, status=status)


@never_cache
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    """The reply form on its own page, for readers without the page script."""
    parent = get_object_or_404(Comment.objects.visible().select_related("article"), pk=pk)
    form = CommentForm(user=request.user)
    return _form_page(request, parent.article, form, parent=parent, status=200)


@csrf_exempt
@never_cache
@require_POST
def post_comment(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article(article_id)
    if not web.post_allowed(request):
        return HttpResponseForbidden(FORBIDDEN)
    policy = policy_for_page(article, request)
    form = CommentForm(request.POST, user=request.user, max_length=policy.max_length)
    if not form.is_valid():
        return _form_page(request, article, form, message="Please check the form.")
    data = form.cleaned_data
    parent = None
    if data["parent"]:
        parent = Comment.objects.visible().filter(article=article, pk=data["parent"]).first()
        if parent is None:
            return _form_page(request, article, form, message="That comment cannot be answered.")
    try:
        # The pipeline's bans, word lists and filter version are kept by this process until
        # a moderator changes one (broadsheet.caching.memo).
        with fragments.remembering_also(request, fragments.MODERATION, fragments.SPAM_FILTER):
            comment = actions.submit_comment(
                article=article,
                text=data["text"],
                name=data["name"],
                email=data["email"],
                user=request.user,
                parent=parent,
                notify_replies=data["notify_replies"],
                ip_hash=web.ip_hash(request),
                guest_key_hash=web.hash_guest_key(web.ensure_guest_key(request)),
                honeypot=form.honeypot,
                form_token=data["token"],
                policy=policy,
            )
    except Refused as refusal:
        return _form_page(request, article, form, message=refusal.message, status=refusal.status)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return _form_page(request, article, form, message="Please check the form.")
    return web.set_guest_cookie(request, _posted(request, comment))


def _posted(request: HttpRequest, comment: Comment) -> HttpResponse:
    if not web.wants_json(request):
        return redirect(status_url(comment))
    # The page script shows ``message`` in place of the form, whether or not the comment shows.
    payload = {"ok": True, "id": comment.pk, "visible": comment.is_visible}
    if comment.is_visible:
        node = selectors.Node(comment)
        payload["html"] = render_to_string(
            "comments/comment.html", {"node": node, "depth": comment.depth}, request=request
        )
        payload["message"] = _("Your comment is published.")
    else:
        payload["message"] = _("Your comment is awaiting moderation.")
    return JsonResponse(payload, status=201)


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
        "can_edit": _is_author(request, comment) and actions.can_still_edit(comment),
    }
    return render(request, "comments/status.html", context)


def permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """``/comments/<id>/``: the article page that shows this comment, at its anchor."""
    comment = get_object_or_404(Comment.objects.select_related("article", "thread"), pk=pk)
    article = comment.article
    if not comment.is_visible:
        return redirect(article.url + "#comments")
    page = selectors.page_of(comment, policy=policy_for(article, request=request))
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{article.url}{query}#{comment.anchor}")


def _is_author(request: HttpRequest, comment: Comment) -> bool:
    if request.user.is_authenticated and comment.user_id == request.user.pk:
        return True
    key_hash = web.guest_key_hash(request)
    return bool(key_hash) and comment.user_id is None and key_hash == comment.guest_key_hash


def form_token(request: HttpRequest, article_id: int) -> JsonResponse:
    """A fresh signed timestamp for the page script, taken when the reader starts typing."""
    response = JsonResponse({"token": make_token(_article(article_id).pk)})
    response["Cache-Control"] = "no-store"
    return response
