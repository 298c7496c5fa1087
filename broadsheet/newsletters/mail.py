"""The newsletter's emails, built by Django's email machinery.

An edition is rendered once (HTML with its CSS inlined, and plain text); each recipient's
copy only swaps in their own links, so a send of 50,000 renders one template, not 50,000.
Every copy carries RFC 8058 one-click unsubscribe (``List-Unsubscribe`` with an https and a
mailto address, ``List-Unsubscribe-Post``), ``List-Id`` and a Message-ID that is the same on
every attempt for that recipient.

The MIME of a copy is assembled too (:class:`Prepared`): the headers every copy shares and the
quoted-printable text between the personal links are encoded once per edition, so a copy
costs its links, not a pass of Python's email package over 30 KB (about 4 ms each). Django's
mail backends send it as they send any message; a backend that reads the message's fields
instead of its MIME (a provider's API) reads the same subject, bodies and headers.
"""

import binascii
import email
import email.policy
import functools
import re
import secrets
from dataclasses import dataclass, replace
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

    With ``mime`` (bytes :func:`message_for` assembled from the edition's :class:`Prepared`
    parts, with the same headers and bodies as the fields), that is the message sent.
    """

    mime: bytes | None = None

    def message(self, *, policy=None):
        if self.mime is not None:
            return AssembledMIME(self.mime)
        policy = (policy or email.policy.default).clone(max_line_length=998)
        return super().message(policy=policy)


class AssembledMIME:
    """A message's finished bytes, standing in for the ``email.message.EmailMessage`` that
    Django's backends serialise (``as_bytes``); headers may be added (a DKIM signature, on
    top). Anything else is answered by the parsed message."""

    def __init__(self, mime: bytes) -> None:
        self._mime = mime

    def as_bytes(self, unixfrom: bool = False, policy=None) -> bytes:
        return self._mime

    __bytes__ = as_bytes

    def as_string(self, unixfrom: bool = False, maxheaderlen: int = 0, policy=None) -> str:
        return self._mime.decode("ascii")

    def __setitem__(self, name: str, value: str) -> None:
        line = f"{name}: {value}\r\n".encode("ascii")
        self._mime = line + self._mime
        self.__dict__.pop("parsed", None)

    @functools.cached_property
    def parsed(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self._mime, policy=email.policy.default)

    def __getattr__(self, name: str):
        return getattr(self.parsed, name)

    def __getitem__(self, name: str):
        return self.parsed[name]


#: The links of a copy, as they appear in the rendered edition.
_MARKED = re.compile(f"({re.escape(PREFERENCES)}|{re.escape(UNSUBSCRIBE)}|{re.escape(OPEN_PIXEL)})")
#: Headers each copy has of its own; the others are the same in every copy.
_PER_COPY = {"to", "date", "message-id", "list-unsubscribe"}
#: What may go into a header as it is: plain ASCII addresses and URLs (others are built by
#: the email package, copy by copy).
_PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,190}\Z")
_PLAIN_VALUE = re.compile(r"[\x21-\x7e ]{1,900}\Z")
_SOFT_BREAK = b"=\r\n"


def _qp(text: str) -> bytes:
    """Quoted-printable (RFC 2045) with CRLF line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return binascii.b2a_qp(text.encode(), istext=True).replace(b"\n", b"\r\n")


@dataclass(frozen=True)
class Prepared:
    """What every copy of an edition shares, encoded once: the common headers, and each
    body as quoted-printable pieces between the personal links. A soft line break ends every
    piece, so the pieces and the links encoded between them decode to the personal body."""

    head: bytes
    boundary: str
    text: tuple[bytes | str, ...]
    html: tuple[bytes | str, ...]

    @classmethod
    def of(cls, rendered: "Rendered", probe: EmailMultiAlternatives) -> "Prepared":
        built = probe.message(policy=email.policy.SMTP)
        policy = email.policy.SMTP.clone(max_line_length=998)
        boundary = f"==broadsheet-{secrets.token_hex(12)}=="
        head = b"".join(
            policy.fold_binary(name, value)
            for name, value in built.items()
            if name.lower() not in _PER_COPY
            and not name.lower().startswith("content-")
            and name.lower() != "mime-version"
        )
        head += (
            b"MIME-Version: 1.0\r\n"
            + f'Content-Type: multipart/alternative; boundary="{boundary}"\r\n'.encode()
        )
        return cls(head, boundary, _pieces(rendered.text), _pieces(rendered.html))

    def assemble(self, headers: dict[str, str], links: dict[str, str]) -> bytes | None:
        """One copy's MIME, or ``None`` when a personal value is not plain ASCII (then the
        email package builds that copy)."""
        lines = []
        for name, value in headers.items():
            if not _PLAIN_VALUE.match(value):
                return None
            lines.append(f"{name}: {value}\r\n")
        delimiter = f"--{self.boundary}\r\n".encode()
        return b"".join(
            [
                self.head,
                "".join(lines).encode("ascii"),
                b"\r\n",
                delimiter,
                b'Content-Type: text/plain; charset="utf-8"\r\n',
                b"Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                *_filled(self.text, links),
                b"\r\n",
                delimiter,
                b'Content-Type: text/html; charset="utf-8"\r\n',
                b"Content-Transfer-Encoding: quoted-printable\r\n\r\n",
                *_filled(self.html, links),
                b"\r\n",
                f"--{self.boundary}--\r\n".encode(),
            ]
        )


def _pieces(body: str) -> tuple[bytes | str, ...]:
    """The body's text between markers, encoded, each piece ending in a soft break; the
    markers kept as they are, to be filled in."""
    return tuple(
        part if _MARKED.fullmatch(part) else _qp(part) + _SOFT_BREAK
        for part in _MARKED.split(body)
        if part
    )


def _filled(pieces: tuple[bytes | str, ...], links: dict[str, str]) -> list[bytes]:
    return [
        piece if isinstance(piece, bytes) else _qp(links[piece]) + _SOFT_BREAK for piece in pieces
    ]


@dataclass(frozen=True)
class Rendered:
    """An edition rendered for everyone; :func:`message_for` personalises a copy."""

    edition: Edition
    subject: str
    html: str
    text: str
    tracking: bool
    #: The shared MIME of every copy (none with tracking, whose links differ in every copy).
    prepared: Prepared | None = None


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
    rendered = Rendered(edition, edition.subject, _INLINER.inline(html), text, tracking_on())
    if rendered.tracking or for_web:
        return rendered
    probe = _message(rendered, text="", html="", headers={"To": "probe@example.invalid"})
    return replace(rendered, prepared=Prepared.of(rendered, probe))


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
    # Each copy's own headers; _message adds those every copy shares.
    headers = {
        "To": subscriber.email,
        "Date": format_datetime(timezone.now()),
        "Message-ID": delivery.message_id,
        "List-Unsubscribe": f"<{unsubscribe_url}>, <mailto:{unsubscribe_mailto(manage)}>",
    }
    message = _message(rendered, text=text, html=html, headers=headers)
    if rendered.prepared is not None and _PLAIN_ADDRESS.match(subscriber.email):
        message.mime = rendered.prepared.assemble(
            headers,
            {PREFERENCES: preferences_url, UNSUBSCRIBE: unsubscribe_url, OPEN_PIXEL: pixel},
        )
    return message


def _message(
    rendered: Rendered, *, text: str, html: str, headers: dict[str, str]
) -> NewsletterMessage:
    """A copy with ``headers["To"]`` as its recipient and ``headers``' others as they are."""
    newsletter = rendered.edition.newsletter
    own = dict(headers)
    message = NewsletterMessage(
        subject=rendered.subject,
        body=text,
        from_email=newsletter.from_email,
        to=[own.pop("To")],
        reply_to=[newsletter.reply_to] if newsletter.reply_to else None,
        headers={
            "List-Id": list_id(newsletter),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Archive": f"<{content.site_url(newsletter.get_absolute_url())}>",
            **own,
        },
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
