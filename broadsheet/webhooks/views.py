"""A subscription's page in the admin: its state, its secret, and the delivery log."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from broadsheet.webhooks import actions
from broadsheet.webhooks.models import Attempt, Delivery, Subscription

PAGE_SIZE = 50


def administrators_only(view):
    """The log shows the signing secret: for the site's administrators only."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@administrators_only
def log(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(Subscription, pk=pk)
    deliveries = (
        Delivery.objects.filter(subscription=subscription)
        .select_related("event")
        .prefetch_related(Prefetch("log", queryset=Attempt.objects.order_by("at", "pk")))
        .order_by("-created_at", "pk")
    )
    page = Paginator(deliveries, PAGE_SIZE).get_page(request.GET.get("p"))
    title = f"Webhooks: {subscription.name}"
    context = {
        "page_title": title,
        "header_title": title,
        "header_icon": "link",
        "subscription": subscription,
        "page": page,
    }
    return TemplateResponse(request, "webhooks/log.html", context)


@administrators_only
@require_POST
def new_secret(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(Subscription, pk=pk)
    actions.rotate_secret(subscription=subscription)
    messages.success(
        request, "New secret made. Give it to the receiver: the old one no longer signs."
    )
    return redirect("webhooks:log", pk)
