"""Reader views: the newsletters page and archive (cacheable, no per-reader data), and the
uncached steps under ``/subscriptions/``: sign up, confirm, preferences, unsubscribe.

Every step works without JavaScript. Links from emails are signed (``tokens``); a link that
does not verify gets a page saying so, never a silent success.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from broadsheet.caching import keys as cache_keys
from broadsheet.comments import web
from broadsheet.newsletters import actions, context_processors, keys, mail, tokens, traps
from broadsheet.newsletters.forms import PreferencesForm, SignUpForm
from broadsheet.newsletters.models import (
    Delivery,
    Edition,
    EditionStatus,
    Newsletter,
    Subscriber,
)

PIXEL = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,"
    b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def index(request: HttpRequest) -> HttpResponse:
    """Every newsletter offered, with the sign-up form: the same page for every reader."""
    return _sign_up_page(request, SignUpForm(), status=200)


def _sign_up_page(request, form, *, status: int, message: str = "") -> HttpResponse:
    context = {
        "newsletters": context_processors.offered(request),
        "form": form,
        "token": traps.form_token(),
        "honeypot": traps.HONEYPOT,
        "message": message,
    }
    return render(request, "newsletters/index.html", context, status=status)


def archive(request: HttpRequest, slug: str) -> HttpResponse:
    newsletter = get_object_or_404(Newsletter, slug=slug, active=True)
    cache_keys.add(keys.newsletter(newsletter.pk))
    sent = newsletter.editions.filter(status=EditionStatus.SENT).order_by("-finished_at")[:100]
    return render(request, "newsletters/archive.html", {"newsletter": newsletter, "editions": sent})


def edition(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """The web version of a sent edition, without anybody's personal links."""
    found = get_object_or_404(
        Edition.objects.select_related("newsletter"),
        pk=pk,
        newsletter__slug=slug,
        status=EditionStatus.SENT,
    )
    cache_keys.add(keys.newsletter(found.newsletter_id))
    rendered = mail.render_edition(found, for_web=True)
    return render(
        request,
        "newsletters/edition.html",
        {"edition": found, "newsletter": found.newsletter, "email_html": rendered.html},
    )


@csrf_exempt
@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    """The sign-up form posts here from any page (it is on cached pages, without a token)."""
    if request.method != "POST":
        return _sign_up_page(request, SignUpForm(), status=200)
    if not web.post_allowed(request):
        return HttpResponseForbidden(web.FORBIDDEN)
    form = SignUpForm(request.POST)
    if not form.is_valid():
        return _sign_up_page(request, form, status=400, message="Please check the form.")
    email = form.cleaned_data["email"].strip().lower()
    try:
        traps.check(token=form.cleaned_data["token"], honeypot=form.honeypot)
        traps.count(email=email, ip_hash=web.ip_hash(request))
        actions.request_subscription(
            email=email,
            newsletter_ids=[n.pk for n in form.cleaned_data["newsletters"]],
            user=request.user,
        )
    except traps.TrapSprung as refusal:
        return _sign_up_page(request, form, status=refusal.status, message=refusal.message)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return _sign_up_page(request, form, status=400, message="Please check the form.")
    return render(request, "newsletters/check_your_inbox.html", {"email": email})


def _bad_link(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletters/bad_link.html", status=400)


@csrf_exempt
@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, POST confirms: mail scanners that open links never subscribe."""
    found = tokens.read_confirm_token(token)
    if found is None:
        return _bad_link(request)
    subscriber, ids = found
    if request.method != "POST":
        chosen = Newsletter.objects.filter(pk__in=ids)
        return render(request, "newsletters/confirm.html", {"newsletters": chosen, "token": token})
    confirmed = actions.confirm(subscriber=subscriber, newsletter_ids=ids)
    return render(
        request,
        "newsletters/confirmed.html",
        {
            "newsletters": confirmed,
            "preferences": tokens.manage_token(subscriber),
        },
    )


@csrf_exempt
@never_cache
def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """Change lists, pause, or leave everything; no account needed."""
    link = tokens.read_manage_token(token)
    if link is None:
        return _bad_link(request)
    subscriber = link.subscriber
    saved = ""
    if request.method == "POST":
        if "unsubscribe_all" in request.POST:
            actions.unsubscribe(subscriber=subscriber, edition_id=link.edition_id)
            return render(request, "newsletters/unsubscribed.html", {"everything": True})
        form = PreferencesForm(request.POST)
        if form.is_valid():
            actions.set_preferences(
                subscriber=subscriber,
                newsletter_ids=[n.pk for n in form.cleaned_data["newsletters"]],
                paused=form.cleaned_data["paused"],
            )
            saved = "Your preferences are saved."
        else:
            return _preferences_page(request, subscriber, form, token, status=400)
    mine = list(subscriber.subscriptions.values_list("newsletter_id", flat=True))
    form = PreferencesForm(initial={"newsletters": mine, "paused": subscriber.paused})
    return _preferences_page(request, subscriber, form, token, saved=saved)


def _preferences_page(request, subscriber, form, token, *, status: int = 200, saved: str = ""):
    context = {"subscriber": subscriber, "form": form, "token": token, "saved": saved}
    return render(request, "newsletters/preferences.html", context, status=status)


@csrf_exempt
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """RFC 8058: a POST (``List-Unsubscribe=One-Click``) unsubscribes at once, with no CSRF
    token and no confirmation. A GET (a reader following the link) shows the one button."""
    link = tokens.read_manage_token(token)
    if link is None:
        return _bad_link(request)
    newsletter = Newsletter.objects.filter(pk=link.newsletter_id).first()
    if request.method != "POST":
        return render(
            request, "newsletters/unsubscribe.html", {"newsletter": newsletter, "token": token}
        )
    actions.unsubscribe(
        subscriber=link.subscriber, newsletter_id=link.newsletter_id, edition_id=link.edition_id
    )
    return render(
        request,
        "newsletters/unsubscribed.html",
        {"newsletter": newsletter, "preferences": tokens.manage_token(link.subscriber)},
    )


@never_cache
def opened(request: HttpRequest, token: str) -> HttpResponse:
    """First-party open counting (off unless configured): no cookie, one timestamp per copy."""
    delivery_id = tokens.read_delivery_token(token)
    if delivery_id is not None and mail.tracking_on():
        Delivery.objects.filter(pk=delivery_id, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )
    return HttpResponse(PIXEL, content_type="image/gif")


@never_cache
def clicked(request: HttpRequest, token: str) -> HttpResponse:
    """First-party click counting (off unless configured): counted, then on to the page."""
    found = tokens.read_click_token(token)
    if found is None:
        return _bad_link(request)
    delivery_id, url = found
    if mail.tracking_on():
        Delivery.objects.filter(pk=delivery_id).update(clicks=F("clicks") + 1)
    return HttpResponseRedirect(url)


@require_POST
@login_required
def subscribe_account(request: HttpRequest) -> HttpResponse:
    """The account page's one-click button (a signed-in page: Django's CSRF check applies)."""
    newsletter = Newsletter.objects.offered().filter(pk=request.POST.get("newsletter")).first()
    if newsletter is None:
        raise Http404
    if "leave" in request.POST:
        subscriber = Subscriber.objects.filter(email=request.user.email.lower()).first()
        if subscriber is not None:
            actions.unsubscribe(subscriber=subscriber, newsletter_id=newsletter.pk)
    else:
        actions.subscribe_account(user=request.user, newsletter=newsletter)
    return redirect("account_overview")
