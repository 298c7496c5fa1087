"""The newsletter's emails, built by Django's email machinery.

An edition is rendered once (HTML with its CSS inlined, and plain text); each recipient's
copy only swaps in their own links, so a send of 50,000 renders one template, not 50,000.
Every copy carries RFC 8058 one-click unsubscribe (``List-Unsubscribe`` with an https and a
mailto address, ``List-Unsubscribe-Post``), ``List-Id`` and a Message-ID that is the same on
every attempt for that recipient.
"""

import email.policy
import re
from dataclasses import dataclass
from email.utils import format_datetime, parseaddr
from html import unescape

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from broadsheet.core.models import SiteSettings
from broadsheet.newsletters import content, tokens
from broadsheet.newsletters.models import Delivery, Edition, Newsletter, Subscriber

# Markers the per-recipient step replaces; they cannot occur in text we render (no "%%" in
# escaped HTML from our own templates around them).
PREFERENCES = "%%PREFERENCES_URL%%"
UNSUBSCRIBE = "%%UNSUBSCRIBE_URL%%"
OPEN_PIXEL = "%%OPEN_PIXEL%%"
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def site_name() -> str:
    site_settings = SiteSettings.objects.first()
    return site_settings.site_name if site_settings else "Broadsheet"


def list_id(newsletter: Newsletter) -> str:
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/")[0].split(":")[0]
    return f"{newsletter.name} <{newsletter.slug}.{host or 'localhost'}>"


class NewsletterMessage(EmailMultiAlternatives):
    """Django's message, with header lines left long (up to RFC 5322's 998 characters).

    Folded at 78, a ``List-Unsubscribe`` of two long URLs has no space to fold at, and Python's
    email package writes it as encoded words, which no mail client reads as URLs.
    """

    def message(self, *, policy=None):
        policy = (policy or email.policy.default).clone(max_line_length=998)
        return super().message(policy=policy)


@dataclass(frozen=True)
class Rendered:
    """An edition rendered for everyone; :func:`message_for` personalises a copy."""

    edition: Edition
    subject: str
    html: str
    text: str
    tracking: bool


def render_edition(edition: Edition, *, for_web: bool = False) -> Rendered:
    """The edition's email (or, ``for_web``, its archived page body without personal links)."""
    newsletter = edition.newsletter
    context = {
        "edition": edition,
        "newsletter": newsletter,
        "blocks": content.blocks_of(edition),
        "site_name": site_name(),
        "site_url": content.site_url("/"),
        "web_url": content.site_url(edition.get_absolute_url()),
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
        "open_pixel": OPEN_PIXEL if tracking_on() and not for_web else "",
        "for_web": for_web,
    }
    html = render_to_string("newsletters/email/edition.html", context)
    text = render_to_string("newsletters/email/edition.txt", context)
    return Rendered(edition, edition.subject, _INLINER.inline(html), text, tracking_on())


def tracking_on() -> bool:
    return bool(getattr(settings, "BROADSHEET_NEWSLETTER_TRACKING", False))


def message_for(
    rendered: Rendered, delivery: Delivery, subscriber: Subscriber
) -> EmailMultiAlternatives:
    """One recipient's copy, with their own preference and unsubscribe links."""
    edition = rendered.edition
    newsletter = edition.newsletter
    manage = tokens.manage_token(subscriber, newsletter.pk, edition.pk)
    unsubscribe_url = content.site_url(reverse("subscriptions:unsubscribe", args=[manage]))
    preferences_url = content.site_url(reverse("subscriptions:preferences", args=[manage]))
    pixel = ""
    if rendered.tracking:
        open_url = content.site_url(
            reverse("subscriptions:opened", args=[tokens.delivery_token(delivery.pk)])
        )
        pixel = f'<img src="{open_url}" width="1" height="1" alt="" style="display:block">'
    html = rendered.html
    if rendered.tracking:
        html = _counted_links(html, delivery.pk)
    html = (
        html.replace(PREFERENCES, preferences_url)
        .replace(UNSUBSCRIBE, unsubscribe_url)
        .replace(OPEN_PIXEL, pixel)
    )
    text = rendered.text.replace(PREFERENCES, preferences_url).replace(UNSUBSCRIBE, unsubscribe_url)
    headers = {
        "Message-ID": delivery.message_id,
        "Date": format_datetime(timezone.now()),
        "List-Id": list_id(newsletter),
        "List-Unsubscribe": f"<{unsubscribe_url}>, <mailto:{unsubscribe_mailto(manage)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Archive": f"<{content.site_url(newsletter.get_absolute_url())}>",
    }
    message = NewsletterMessage(
        subject=rendered.subject,
        body=text,
        from_email=newsletter.from_email,
        to=[subscriber.email],
        reply_to=[newsletter.reply_to] if newsletter.reply_to else None,
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def _counted_links(html: str, delivery_id: int) -> str:
    """Links to the site's pages go through the click counter (the personal links, still
    markers here, do not)."""
    base = re.escape(content.site_url("/"))

    def through_counter(found: re.Match) -> str:
        url = unescape(found.group(1))
        counter = reverse("subscriptions:clicked", args=[tokens.click_token(delivery_id, url)])
        return f'href="{content.site_url(counter)}"'

    return re.sub(rf'href="({base}[^"]*)"', through_counter, html)


def unsubscribe_mailto(manage_token: str) -> str:
    """An address whose mailbox the bounce reader also reads: a message to it unsubscribes."""
    configured = getattr(settings, "BROADSHEET_NEWSLETTER_UNSUBSCRIBE_EMAIL", "")
    address = configured or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return f"{address}?subject=unsubscribe%20{manage_token}"


def send_confirmation(*, subscriber: Subscriber, newsletter_ids: list[int]) -> None:
    """The double opt-in email: one signed link, the newsletters it will subscribe to."""
    newsletters = list(Newsletter.objects.filter(pk__in=newsletter_ids))
    link = content.site_url(
        reverse("subscriptions:confirm", args=[tokens.confirm_token(subscriber, newsletter_ids)])
    )
    context = {"link": link, "newsletters": newsletters, "site_name": site_name()}
    message = EmailMultiAlternatives(
        subject=f"[{context['site_name']}] Confirm your newsletter sign-up",
        body=render_to_string("newsletters/email/confirm.txt", context),
        to=[subscriber.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(
        _INLINER.inline(render_to_string("newsletters/email/confirm.html", context)), "text/html"
    )
    mailers.default.send_messages([message])


def test_message(rendered: Rendered, address: str) -> EmailMultiAlternatives:
    """A test send to an editor: the real email, marked, with links that lead nowhere."""
    html = rendered.html.replace(PREFERENCES, "#").replace(UNSUBSCRIBE, "#").replace(OPEN_PIXEL, "")
    text = rendered.text.replace(PREFERENCES, "(test)").replace(UNSUBSCRIBE, "(test)")
    message = EmailMultiAlternatives(
        subject=f"[Test] {rendered.subject}",
        body=text,
        from_email=rendered.edition.newsletter.from_email,
        to=[address],
        headers={"List-Id": list_id(rendered.edition.newsletter)},
    )
    message.attach_alternative(html, "text/html")
    return message
