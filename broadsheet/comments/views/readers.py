"""What any reader does on an article's comments: post, reply, like, report, follow a permalink.

Every view answers both plain form posts (redirect, then a page) and the page script's fetches
(``Accept: application/json``). Nothing here is cacheable; the article page itself is.
"""

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.selectors import public_articles
from broadsheet.caching import fragments
from broadsheet.comments import actions, selectors, web
from broadsheet.comments.forms import CommentForm, ReportForm
from broadsheet.comments.models import Comment, policy_for
from broadsheet.comments.models.policy import policy_for_page
from broadsheet.comments.pipeline import Refused
from broadsheet.comments.pipeline.timestamp import make_token
from broadsheet.comments.views.authors import status_url
from broadsheet.comments.web import FORBIDDEN


def _article(request: HttpRequest, article_id: int) -> ArticlePage:
    # Whether an article is live and public changes only with the content: remembered by the
    # process under its generation (broadsheet.caching.fragments); each call gets a copy.
    article = fragments.remember(
        "live-public-article",
        [article_id],
        lambda: public_articles(request).filter(pk=article_id).first(),
        request=request,
    )
    if article is None:
        raise Http404
    return article


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
    article = _article(request, article_id)
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


def permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """``/comments/<id>/``: the article page that shows this comment, at its anchor."""
    comment = get_object_or_404(Comment.objects.select_related("article", "thread"), pk=pk)
    article = comment.article
    if not comment.is_visible:
        return redirect(article.url + "#comments")
    page = selectors.page_of(comment, policy=policy_for(article, request=request))
    query = f"?page={page}" if page > 1 else ""
    return redirect(f"{article.url}{query}#{comment.anchor}")


def form_token(request: HttpRequest, article_id: int) -> JsonResponse:
    """A fresh signed timestamp for the page script, taken when the reader starts typing."""
    response = JsonResponse({"token": make_token(_article(request, article_id).pk)})
    response["Cache-Control"] = "no-store"
    return response


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
