"""The moderation area in Wagtail's admin: queues, one comment in context, actions, the log."""

from datetime import timedelta
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy
from django.views.decorators.http import require_POST

from broadsheet.comments import actions
from broadsheet.comments.models import Comment, ModerationAction, policy_for
from broadsheet.comments.moderators import queries
from broadsheet.comments.moderators.forms import BanForm, ModeratorEditForm, ReasonForm

PERMISSION = "comments.moderate_comment"
PAGE_SIZE = 50


def moderators_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _render(request, template: str, title: str, context: dict) -> TemplateResponse:
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "comment",
        "queues": queries.QUEUES,
        **context,
    }
    return TemplateResponse(request, f"comments/admin/{template}", context)


def _back(request: HttpRequest, default: str) -> HttpResponse:
    """Back to the page the moderator acted from (``next``, if it is ours), else ``default``."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = default
    return redirect(back)


@moderators_only
def queue(request: HttpRequest, name: str = "pending") -> HttpResponse:
    if name not in queries.QUEUES:
        raise Http404
    filters = queries.Filters.from_request(request)
    comments = filters.apply(queries.queue(name)).order_by("-created_at", "-pk")
    page = Paginator(comments, PAGE_SIZE).get_page(request.GET.get("p"))
    context = {
        "queue": name,
        "page": page,
        "filters": filters,
        "counts": queries.queue_counts(),
        "query": request.GET.urlencode(),
    }
    return _render(request, "queue.html", f"Comments: {queries.QUEUES[name]}", context)


@moderators_only
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(
        Comment.objects.select_related("article", "parent", "user", "replied_to"), pk=pk
    )
    context = {
        "comment": comment,
        "verdicts": comment.verdicts.all(),
        "reports": comment.reports.select_related("user"),
        "log": comment.log.select_related("actor")[:50],
        "history": queries.commenter_history(comment),
        "policy": policy_for(comment.article),
        "reason_form": ReasonForm(),
        "edit_form": ModeratorEditForm(initial={"text": comment.text}),
        "ban_form": BanForm(comment=comment),
    }
    return _render(request, "detail.html", f"Comment #{comment.pk}", context)


def _simple(function):
    return lambda request, comment, form: function(
        comment=comment, actor=request.user, reason=form.cleaned_data["reason"]
    )


ACTIONS = {
    "approve": _simple(actions.approve_comment),
    "reject": _simple(actions.reject_comment),
    "spam": _simple(actions.mark_spam),
    "not-spam": _simple(actions.mark_not_spam),
    "feature": lambda r, c, f: actions.feature_comment(comment=c, actor=r.user, featured=True),
    "unfeature": lambda r, c, f: actions.feature_comment(comment=c, actor=r.user, featured=False),
    "close": lambda r, c, f: actions.close_comments(
        article=c.article, actor=r.user, reason=f.cleaned_data["reason"]
    ),
    "reopen": lambda r, c, f: actions.close_comments(
        article=c.article, actor=r.user, closed=False, reason=f.cleaned_data["reason"]
    ),
}

# What the moderator is told afterwards, in their language. Verbs that may act on several
# comments at once (the bulk form, one row, the comment's page) take a count.
DONE = {
    "approve": ngettext_lazy(
        "%(count)d comment approved.", "%(count)d comments approved.", "count"
    ),
    "reject": ngettext_lazy("%(count)d comment rejected.", "%(count)d comments rejected.", "count"),
    "spam": ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    ),
    "not-spam": ngettext_lazy(
        "%(count)d comment marked as not spam and published.",
        "%(count)d comments marked as not spam and published.",
        "count",
    ),
    "feature": gettext_lazy("Comment featured: it is listed first."),
    "unfeature": gettext_lazy("Comment no longer featured."),
    "close": gettext_lazy("Comments on the article are closed."),
    "reopen": gettext_lazy("Comments on the article are open again."),
}
BULK = ("approve", "reject", "spam")


def _done(verb: str, count: int = 1) -> str:
    return DONE[verb] % {"count": count}


def _reason_form(request: HttpRequest) -> ReasonForm | None:
    form = ReasonForm(request.POST)
    if form.is_valid():
        return form
    messages.error(request, " ".join(form.errors["reason"]))
    return None


@require_POST
@moderators_only
def bulk(request: HttpRequest) -> HttpResponse:
    verb = request.POST.get("action")
    if verb not in BULK:
        raise Http404
    back = _back(request, reverse("comments_admin:queue", args=["pending"]))
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    comments = list(Comment.objects.select_related("article").filter(pk__in=ids))
    if not comments:
        messages.warning(request, _("No comments were selected."))
    elif form := _reason_form(request):
        for comment in comments:
            ACTIONS[verb](request, comment, form)
        messages.success(request, _done(verb, len(comments)))
    return back


@require_POST
@moderators_only
def act(request: HttpRequest, pk: int, verb: str) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("article", "user"), pk=pk)
    back = _back(request, reverse("comments_admin:detail", args=[pk]))
    if verb == "edit":
        return _edit(request, comment) or back
    if verb == "ban":
        return _ban(request, comment) or back
    if verb not in ACTIONS:
        raise Http404
    if form := _reason_form(request):
        ACTIONS[verb](request, comment, form)
        messages.success(request, _done(verb))
    return back


def _edit(request: HttpRequest, comment: Comment) -> HttpResponse | None:
    form = ModeratorEditForm(request.POST)
    if form.is_valid():
        try:
            actions.edit_comment(
                comment=comment,
                text=form.cleaned_data["text"],
                actor=request.user,
                by_moderator=True,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, _("Comment edited; the original text is kept."))
    return None


def _ban(request: HttpRequest, comment: Comment) -> HttpResponse | None:
    form = BanForm(request.POST, comment=comment)
    if not form.is_valid():
        messages.error(request, _("Choose what to ban the commenter by."))
        return None
    data = form.cleaned_data
    days = data["days"]
    actions.ban_commenter(
        actor=request.user,
        email=comment.email if "email" in data["targets"] else "",
        domain=comment.email.rpartition("@")[2] if "domain" in data["targets"] else "",
        ip_hash=comment.ip_hash if "ip" in data["targets"] else "",
        user=comment.user if "user" in data["targets"] else None,
        until=timezone.now() + timedelta(days=days) if days else None,
        reason=data["reason"],
        comment=comment,
    )
    if days:
        message = ngettext(
            "Commenter suspended for %(days)d day.", "Commenter suspended for %(days)d days.", days
        ) % {"days": days}
    else:
        message = _("Commenter banned.")
    messages.success(request, message)
    return None


@moderators_only
def log(request: HttpRequest) -> HttpResponse:
    entries = ModerationAction.objects.select_related("actor", "comment", "article")
    if request.GET.get("action"):
        entries = entries.filter(action=request.GET["action"])
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("p"))
    verbs = ModerationAction.objects.values_list("action", flat=True).distinct().order_by("action")
    context = {"page": page, "verbs": list(verbs), "chosen": request.GET.get("action", "")}
    return _render(request, "log.html", "Moderation log", context)
