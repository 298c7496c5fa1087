"""Panels the newsletters app offers to templates of apps beneath it, given by setting
(``TEMPLATES``) so those apps need not know newsletters exist: the account page's
newsletters, and the sign-up box at the end of article pages."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from broadsheet.caching import fragments
from broadsheet.caching import keys as cache_keys
from broadsheet.newsletters import keys, traps
from broadsheet.newsletters.forms import SignUpForm
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
    """The sign-up box, the same for every reader (article pages are cached and shared), read
    only when a template shows it; none while no newsletter is offered."""
    return {"article_panels": SimpleLazyObject(lambda: _sign_up_box(request))}


def offered(request: HttpRequest | None = None) -> list[Newsletter]:
    """The newsletters offered, remembered until one is changed (``keys.GENERATION``)."""

    def read() -> list[Newsletter]:
        cache_keys.add(keys.OFFERED)
        return list(Newsletter.objects.offered())

    return fragments.remember(
        "newsletters-offered", [], read, request=request, depends_on=[keys.GENERATION]
    )


def _sign_up_box(request: HttpRequest) -> list[dict]:
    newsletters = offered(request)
    if not newsletters:
        return []
    return [
        {
            "template": "newsletters/box.html",
            "newsletters": newsletters,
            "form": SignUpForm(),
            "token": traps.form_token(),
            "honeypot": traps.HONEYPOT,
        }
    ]
