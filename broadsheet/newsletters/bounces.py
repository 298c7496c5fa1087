"""Bounces and complaints: read from RFC 3464 delivery-status reports in a bounce mailbox
(IMAP, stdlib ``imaplib``) or posted by a mail provider to the webhook, then recorded through
``actions.record_bounce``.

:func:`parse_report` is pure: bytes of one message in, the bounces it reports out. A status
``5.x.x`` is a hard bounce, ``4.x.x`` a soft one; an RFC 5965 feedback report (``abuse``) is a
complaint. Anything else in the mailbox (an auto-reply, a person writing back) is left read
but unrecorded.
"""

import email
import imaplib
import logging
import re
from dataclasses import dataclass
from email.message import Message
from email.policy import default as default_policy

from django.conf import settings

from broadsheet.newsletters import actions, tokens

logger = logging.getLogger(__name__)

KINDS = ("hard", "soft", "complaint")


@dataclass(frozen=True)
class Bounce:
    email: str
    kind: str  # one of KINDS
    detail: str = ""
    message_id: str = ""


def _address(value: str) -> str:
    """``rfc822; someone@example.org`` → ``someone@example.org``."""
    return value.split(";", 1)[-1].strip().strip("<>").lower()


def _fields(part: Message) -> list[Message]:
    """A message/delivery-status body is blocks of header fields, one per recipient."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, Message)]
    text = payload if isinstance(payload, str) else ""
    return [
        email.message_from_string(block) for block in re.split(r"\r?\n\r?\n", text) if block.strip()
    ]


def _original_message_id(message: Message) -> str:
    for part in message.walk():
        if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is None and isinstance(payload, str):
                inner = email.message_from_string(payload)
            if inner is not None and inner.get("Message-ID"):
                return str(inner["Message-ID"]).strip()
    return ""


def parse_report(raw: bytes) -> list[Bounce]:
    """The bounces one message reports: delivery-status reports and abuse feedback reports."""
    message = email.message_from_bytes(raw, policy=default_policy)
    message_id = _original_message_id(message)
    found = []
    for part in message.walk():
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            found.extend(_delivery_status(part, message_id))
        elif kind == "message/feedback-report":
            for fields in _fields(part):
                if str(fields.get("Feedback-Type", "")).strip().lower() == "abuse":
                    rcpt = fields.get("Original-Rcpt-To") or fields.get("Removal-Recipient")
                    if rcpt:
                        found.append(
                            Bounce(_address(str(rcpt)), "complaint", "abuse report", message_id)
                        )
    return found


def _delivery_status(part: Message, message_id: str) -> list[Bounce]:
    found = []
    for fields in _fields(part)[1:]:  # the first block is about the reporting server
        action = str(fields.get("Action", "")).strip().lower()
        recipient = fields.get("Final-Recipient") or fields.get("Original-Recipient")
        status = str(fields.get("Status", "")).strip()
        if not recipient or action not in ("failed", "delayed"):
            continue
        kind = "hard" if status.startswith("5") and action == "failed" else "soft"
        diagnostic = str(fields.get("Diagnostic-Code", "")).strip()
        found.append(
            Bounce(_address(str(recipient)), kind, f"{status} {diagnostic}".strip(), message_id)
        )
    return found


UNSUBSCRIBE_SUBJECT = re.compile(r"unsubscribe\s+(\S+)", re.IGNORECASE)


def process_message(raw: bytes) -> int:
    """Record what one mailbox message reports; returns how many addresses it touched.

    Also honours the ``mailto:`` half of List-Unsubscribe: a message whose subject is
    ``unsubscribe <token>`` unsubscribes as the link would.
    """
    touched = 0
    for bounce in parse_report(raw):
        touched += actions.record_bounce(
            email=bounce.email, kind=bounce.kind, detail=bounce.detail, message_id=bounce.message_id
        )
    if touched:
        return touched
    subject = str(email.message_from_bytes(raw, policy=default_policy).get("Subject", ""))
    found = UNSUBSCRIBE_SUBJECT.search(subject)
    link = tokens.read_manage_token(found.group(1)) if found else None
    if link is not None:
        actions.unsubscribe(
            subscriber=link.subscriber, newsletter_id=link.newsletter_id, edition_id=link.edition_id
        )
        return 1
    return 0


def read_mailbox(client: imaplib.IMAP4, *, folder: str = "INBOX") -> int:
    """Process every unseen message in ``folder`` and mark it seen. Returns the messages read.

    Each message is marked seen only after it was recorded, so a crash half-way reads the
    rest (and at worst one message twice, which counts one soft bounce twice) next time.
    """
    client.select(folder)
    status, data = client.search(None, "UNSEEN")
    if status != "OK":
        return 0
    read = 0
    for number in data[0].split():
        status, parts = client.fetch(number, "(BODY.PEEK[])")
        if status != "OK":
            continue
        raw = next((p[1] for p in parts if isinstance(p, tuple)), b"")
        process_message(raw)
        client.store(number, "+FLAGS", "\\Seen")
        read += 1
    return read


def read_mailbox_if_configured() -> int:
    """The worker's minute: read the bounce mailbox named by ``BROADSHEET_BOUNCE_IMAP_*``."""
    host = getattr(settings, "BROADSHEET_BOUNCE_IMAP_HOST", "")
    if not host:
        return 0
    client = imaplib.IMAP4_SSL(host, int(getattr(settings, "BROADSHEET_BOUNCE_IMAP_PORT", 993)))
    try:
        client.login(settings.BROADSHEET_BOUNCE_IMAP_USER, settings.BROADSHEET_BOUNCE_IMAP_PASSWORD)
        return read_mailbox(
            client, folder=getattr(settings, "BROADSHEET_BOUNCE_IMAP_FOLDER", "INBOX")
        )
    finally:
        try:
            client.logout()
        except (imaplib.IMAP4.error, OSError):
            logger.warning("The bounce mailbox did not close cleanly")


def parse_webhook(payload: object) -> list[Bounce]:
    """The webhook's JSON: ``{"events": [{"email": …, "type": "hard"|"soft"|"complaint",
    "detail": …, "message_id": …}]}``. :class:`ValueError` names what is wrong."""
    if not isinstance(payload, dict) or not isinstance(payload.get("events"), list):
        raise ValueError('Expected an object with a list "events".')
    found = []
    for index, event in enumerate(payload["events"]):
        if not isinstance(event, dict) or not isinstance(event.get("email"), str):
            raise ValueError(f'Event {index} has no "email".')
        if event.get("type") not in KINDS:
            raise ValueError(f'Event {index}: "type" must be one of {", ".join(KINDS)}.')
        found.append(
            Bounce(
                event["email"].strip().lower(),
                event["type"],
                str(event.get("detail", ""))[:2000],
                str(event.get("message_id", "")),
            )
        )
    return found
