"""Panels the newsletters app offers to templates of apps beneath it, given by setting
(``TEMPLATES``) so those apps need not know newsletters exist: the account page's
newsletters, and the sign-up box at the end of article pages."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe

from broadsheet.caching import fragments
from broadsheet.caching import keys as cache_keys
from broadsheet.newsletters import keys, traps
from broadsheet.newsletters.models import Newsletter, Subscriber


def account_panels(request: HttpRequest) -> dict:
    """Only on the reader's own (never cached) account pages, read only when shown."""
    if not request.path.startswith("/accounts/") or not request.user.is_authenticated:
        return {}
    return {"account_panels": SimpleLazyObject(lambda: [_panel(request.user)])}


def _panel(user) -> dict:
    subscriber = Subscriber.objects.filter(email=(user.email or "").lower()).first()
    mine = set()
    if subscriber is not None and not subscriber.suppressed_at:
        mine = set(subscriber.subscriptions.values_list("newsletter_id", flat=True))
    return {
        "template": "newsletters/account_panel.html",
        "newsletters": [(n, n.pk in mine) for n in Newsletter.objects.offered()],
    }


def article_panels(request: HttpRequest) -> dict:
    """The sign-up box as HTML, the same for every reader (article pages are cached and
    shared), made only when a template shows it; none while no newsletter is offered."""
    return {"article_panels": SimpleLazyObject(lambda: _sign_up_box(request))}


def offered(request: HttpRequest | None = None) -> list[Newsletter]:
    """The newsletters offered, remembered until one is changed (``keys.GENERATION``)."""

    def read() -> list[Newsletter]:
        cache_keys.add(keys.OFFERED)
        return list(Newsletter.objects.offered())

    return fragments.remember(
        "newsletters-offered", [], read, request=request, depends_on=[keys.GENERATION]
    )


def _sign_up_box(request: HttpRequest) -> list[SafeString]:
    # A shared fragment until a newsletter changes: the box was a quarter of the article
    # page's Python calls (bench/render.py --profile article). Its signed render time only
    # grows older in the fragment, as it does in a page the HTTP cache keeps, and stays far
    # inside traps.MAX_AGE.
    html = fragments.cached(
        request, "newsletter-box", [], lambda: _render_box(request), depends_on=[keys.GENERATION]
    )
    return [mark_safe(html)] if html else []  # noqa: S308 (our own template's output)


def _render_box(request: HttpRequest) -> str:
    newsletters = offered(request)
    if not newsletters:
        return ""
    # No form: the box is never bound, so it has no values or errors to show.
    context = {
        "newsletters": newsletters,
        "token": traps.form_token(),
        "honeypot": traps.HONEYPOT,
    }
    return render_to_string("newsletters/box.html", context, request=request)
