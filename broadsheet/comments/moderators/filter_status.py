"""The spam filter's page for moderators: which model is in force, what its thresholds are
estimated to do, how many decisions the estimate rests on, and a button to retrain it now."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from broadsheet.comments import actions, learning
from broadsheet.comments.models import CommentSettings
from broadsheet.comments.moderators.views import moderators_only


@require_http_methods(["GET", "POST"])
@moderators_only
def spam_filter(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        actions.retrain_spam_filter(actor=request.user)
        messages.success(
            request, _("The spam filter is being retrained from every decision moderators made.")
        )
        return redirect("comments_admin:spam_filter")
    settings = CommentSettings.for_request(request)
    status = learning.status(precision=settings.spam_precision, recall=settings.spam_hold_recall)
    context = {
        "page_title": _("Spam filter"),
        "header_title": _("Spam filter"),
        "header_icon": "comment",
        "status": status,
        "min_decisions": learning.MIN_DECISIONS,
        "retrain_after": learning.RETRAIN_AFTER,
    }
    return TemplateResponse(request, "comments/admin/spam_filter.html", context)
