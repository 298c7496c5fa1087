"""The account page's newsletters panel, given to the accounts app's template by setting
(``TEMPLATES``), so accounts, beneath this app, need not know newsletters exist."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

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
