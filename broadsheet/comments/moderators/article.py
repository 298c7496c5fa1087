"""One article's comments, opened or closed from the article's own admin pages.

The article's header menu in the page editor links here (``wagtail_hooks.py``); the page says
whether readers can comment now and why, and offers the one action that changes it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from broadsheet.articles.models import ArticlePage
from broadsheet.comments import actions
from broadsheet.comments.models import Policy, policy_for
from broadsheet.comments.moderators.views import PERMISSION


def may_open_or_close(user, article: ArticlePage) -> bool:
    """Moderators may, and so may anyone who may edit the article."""
    return user.has_perm(PERMISSION) or article.permissions_for_user(user).can_edit()


def describe(policy: Policy) -> str:
    """Whether readers can comment, and why not, in a sentence."""
    if policy.mode == "closed":
        return _("Comments are closed on this article.")
    if policy.closed_by_age:
        return _(
            "Comments closed by themselves %(days)s days after the article went live on this site."
        ) % {"days": policy.auto_close_days}
    return _("Readers can comment on this article.")


@require_http_methods(["GET", "POST"])
def article_comments(request: HttpRequest, page_id: int) -> HttpResponse:
    article = get_object_or_404(ArticlePage, pk=page_id)
    if not may_open_or_close(request.user, article):
        raise PermissionDenied
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = ""
    back = back or reverse("wagtailadmin_pages:edit", args=[article.pk])
    if request.method == "POST":
        closing = request.POST.get("verb") == "close"
        actions.close_comments(article=article, actor=request.user, closed=closing)
        if closing:
            messages.success(request, _("Comments on “%s” are closed.") % article.title)
        else:
            messages.success(request, _("Comments on “%s” are open again.") % article.title)
        return redirect(back)
    policy = policy_for(article)
    context = {
        "page_title": _("Comments on “%s”") % article.title,
        "header_icon": "comment",
        "article": article,
        "policy": policy,
        "status": describe(policy),
        "next": back,
    }
    return TemplateResponse(request, "comments/admin/article_comments.html", context)
