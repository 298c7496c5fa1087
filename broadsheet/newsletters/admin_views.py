"""Admin screens beyond the model forms: an edition's browser preview, test send and send
(now or at its time), and "Send as alert" for an article."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.mail import mailers
from django.core.validators import validate_email
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from broadsheet.articles.models import ArticlePage
from broadsheet.newsletters import editions, mail, sending
from broadsheet.newsletters.models import Edition, EditionStatus, Newsletter
from broadsheet.newsletters.viewsets import PERMISSION

MAX_TEST_ADDRESSES = 10


@permission_required(PERMISSION)
def edition(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    context = {"edition": found, "counts": sending.ledger_counts(found)}
    return TemplateResponse(request, "newsletters/admin/edition.html", context)


@permission_required(PERMISSION)
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The email as recipients will see it, in the browser (links to nobody's preferences)."""
    found = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    rendered = mail.render_edition(found)
    html = rendered.html.replace(mail.PREFERENCES, "#").replace(mail.UNSUBSCRIBE, "#")
    return HttpResponse(html.replace(mail.OPEN_PIXEL, ""))


def parse_addresses(text: str) -> list[str]:
    """Comma- or line-separated addresses; :class:`ValidationError` names any bad one."""
    addresses = [a.strip() for a in text.replace("\n", ",").split(",") if a.strip()]
    if not addresses:
        raise ValidationError("Give at least one address.")
    if len(addresses) > MAX_TEST_ADDRESSES:
        raise ValidationError(f"At most {MAX_TEST_ADDRESSES} addresses for a test send.")
    for address in addresses:
        validate_email(address)
    return addresses


@require_POST
@permission_required(PERMISSION)
def test_send(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Edition.objects.select_related("newsletter"), pk=pk)
    try:
        addresses = parse_addresses(request.POST.get("addresses", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("newsletter_admin:edition", pk)
    rendered = mail.render_edition(found)
    mailers.default.send_messages([mail.test_message(rendered, a) for a in addresses])
    messages.success(request, f"Test sent to {', '.join(addresses)}.")
    return redirect("newsletter_admin:edition", pk)


@require_POST
@permission_required(PERMISSION)
def schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """Send now (the worker takes it within a minute) or at the edition's time."""
    found = get_object_or_404(Edition, pk=pk)
    if found.status not in (EditionStatus.DRAFT, EditionStatus.SCHEDULED):
        messages.error(request, "This edition is already being sent or was sent.")
        return redirect("newsletter_admin:edition", pk)
    found.status = EditionStatus.SCHEDULED
    if "now" in request.POST or not found.scheduled_at:
        found.scheduled_at = timezone.now()
    found.save(update_fields=["status", "scheduled_at"])
    messages.success(
        request, f"Scheduled for {timezone.localtime(found.scheduled_at):%Y-%m-%d %H:%M}."
    )
    return redirect("newsletter_admin:edition", pk)


class AlertForm(forms.Form):
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.filter(active=True), widget=forms.CheckboxSelectMultiple
    )


@permission_required(PERMISSION)
def alert(request: HttpRequest, page_id: int) -> HttpResponse:
    """Send an article at once, as its own edition, to the chosen newsletters."""
    article = get_object_or_404(ArticlePage.objects.live(), pk=page_id)
    form = AlertForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        made = editions.build_alert(
            article=article, newsletters=list(form.cleaned_data["newsletters"])
        )
        messages.success(request, f"Sending “{article.title}” to {len(made)} newsletters.")
        return redirect("wagtailadmin_pages:edit", article.pk)
    return TemplateResponse(
        request, "newsletters/admin/alert.html", {"article": article, "form": form}
    )
