"""``{% article_comments %}`` renders an article's comment section; ``|comment_html`` its text."""

from dataclasses import astuple

from django import template
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from broadsheet.caching import fragments
from broadsheet.comments import selectors
from broadsheet.comments.actions import can_still_edit
from broadsheet.comments.forms import CommentForm
from broadsheet.comments.links import attach_links
from broadsheet.comments.models.policy import policy_for_page
from broadsheet.comments.pipeline.timestamp import make_token
from broadsheet.comments.text import render_text

register = template.Library()
SORT_LINKS = tuple(selectors.SORT_LABELS.items())


@register.filter
def comment_html(text: str) -> SafeString:
    return render_text(text)


@register.filter
def still_editable(comment) -> bool:
    return can_still_edit(comment)


@register.filter
def share(value: float) -> str:
    """A share between 0 and 1 as a percentage with one decimal: 0.9873 -> "98.7 %"."""
    return f"{100 * value:.1f} %"


@register.inclusion_tag("comments/section.html", takes_context=True)
def article_comments(context: template.Context, article=None) -> dict:
    """Heading, sort links, one page of threads and the form (or "Comments are closed.").

    Four queries whatever the number of comments: the site's comment settings, overrides for the
    article and its section, both counts, and the page of threads with all their replies. For
    anonymous readers the threads are one shared fragment (``broadsheet.caching.fragments``),
    kept until a comment on the article changes: then only the policy is read.
    Anonymous readers get nothing specific to them, so the page can be shared-cached.
    """
    request = context["request"]
    article = article or context["page"]
    policy = policy_for_page(article, request)
    page, sort = _int(request.GET.get("page")), request.GET.get("sort", "")
    user = request.user if request.user.is_authenticated else None

    def render_threads() -> str:
        listing = selectors.article_listing(article, policy=policy, page=page, sort=sort)
        attach_links(listing.threads)
        threads_context = {
            "request": request,
            "article": article,
            "policy": policy,
            "listing": listing,
            "reader": user,
            "sorts": [(key, label, _query(sort=key)) for key, label in SORT_LINKS],
            "previous_query": _query(sort=listing.sort, page=listing.page - 1),
            "next_query": _query(sort=listing.sort, page=listing.page + 1),
        }
        return render_to_string("comments/threads.html", threads_context, request=request)

    threads = fragments.cached(
        request,
        "comment-threads",
        [article.pk, page, sort, *astuple(policy)],
        render_threads,
        depends_on=[fragments.CONTENT, fragments.comments_of(article.pk)],
    )
    return {
        "request": request,
        "article": article,
        "policy": policy,
        "threads": mark_safe(threads),  # noqa: S308 (rendered by our own template above)
        "reader": user,
        "form": CommentForm(user=user, max_length=policy.max_length),
        "token": make_token(article.pk),
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
