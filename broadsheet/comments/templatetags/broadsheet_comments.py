"""``{% article_comments %}`` renders an article's comment section; ``|comment_html`` its text."""

from django import template
from django.http import QueryDict
from django.utils.safestring import SafeString

from broadsheet.comments import selectors
from broadsheet.comments.actions import can_still_edit
from broadsheet.comments.forms import CommentForm
from broadsheet.comments.links import attach_links
from broadsheet.comments.models import policy_for
from broadsheet.comments.pipeline.timestamp import make_token
from broadsheet.comments.text import render_text

register = template.Library()


@register.filter
def comment_html(text: str) -> SafeString:
    return render_text(text)


@register.filter
def still_editable(comment) -> bool:
    return can_still_edit(comment)


@register.inclusion_tag("comments/section.html", takes_context=True)
def article_comments(context: template.Context, article=None) -> dict:
    """Heading, sort links, one page of threads and the form (or "Comments are closed.").

    Four queries whatever the number of comments: the site's comment settings, overrides for the
    article and its section, both counts, and the page of threads with all their replies.
    Anonymous readers get nothing specific to them, so the page can be shared-cached.
    """
    request = context["request"]
    article = article or context["page"]
    policy = policy_for(article, request=request)
    listing = selectors.article_listing(
        article, policy=policy, page=_int(request.GET.get("page")), sort=request.GET.get("sort", "")
    )
    user = request.user if request.user.is_authenticated else None
    attach_links(listing.threads)
    return {
        "request": request,
        "article": article,
        "policy": policy,
        "listing": listing,
        "reader": user,
        "form": CommentForm(user=user, max_length=policy.max_length),
        "token": make_token(article.pk),
        "sorts": [(key, label, _query(sort=key)) for key, label in selectors.SORT_LABELS.items()],
        "previous_query": _query(sort=listing.sort, page=listing.page - 1),
        "next_query": _query(sort=listing.sort, page=listing.page + 1),
    }


def _int(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


def _query(*, sort: str, page: int = 1) -> str:
    """A stable link: default values left out, always in the same order."""
    query = QueryDict(mutable=True)
    if sort != selectors.DEFAULT_SORT:
        query["sort"] = sort
    if page > 1:
        query["page"] = str(page)
    return "?" + query.urlencode() if query else "?"
