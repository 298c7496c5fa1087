"""Bounces suppress: refused at send time, reported in delivery-status messages (RFC 3464),
abuse reports (RFC 5965), and posted to the webhook.

No maintained pure-Python IMAP server is on PyPI to test against, so the mailbox reader's
parsing and processing are tested on real report messages, and ``read_mailbox`` against a
small stand-in that answers the calls imaplib's client makes.
"""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from broadsheet.newsletters import bounces
from broadsheet.newsletters.models import Delivery, DeliveryStatus, Subscriber, Subscription
from tests.newsletters.conftest import article

FIXTURES = Path(__file__).parent / "fixtures"


def subscribe(newsletter, email: str) -> Subscriber:
    subscriber = Subscriber.objects.create(email=email, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, newsletter=newsletter)
    return subscriber


def test_delivery_status_reports_are_read_as_hard_and_soft_bounces():
    (hard,) = bounces.parse_report((FIXTURES / "hard-bounce.eml").read_bytes())
    (soft,) = bounces.parse_report((FIXTURES / "soft-bounce.eml").read_bytes())
    (complaint,) = bounces.parse_report((FIXTURES / "complaint.eml").read_bytes())

    assert (hard.email, hard.kind) == ("gone@reader.example", "hard")
    assert (
        hard.detail.startswith("5.1.1")
        and hard.message_id == "<edition-7.sub-3@broadsheet.newsletters>"
    )
    assert (soft.email, soft.kind) == ("full@reader.example", "soft")
    assert (complaint.email, complaint.kind) == ("annoyed@reader.example", "complaint")


def test_a_person_writing_back_is_no_bounce():
    assert (
        bounces.parse_report(b"From: a@reader.example\r\nSubject: Thanks\r\n\r\nLovely issue.")
        == []
    )


def test_hard_bounces_and_complaints_suppress_soft_ones_after_three(newsroom):
    gone = subscribe(newsroom["newsletter"], "gone@reader.example")
    full = subscribe(newsroom["newsletter"], "full@reader.example")
    annoyed = subscribe(newsroom["newsletter"], "annoyed@reader.example")

    bounces.process_message((FIXTURES / "hard-bounce.eml").read_bytes())
    bounces.process_message((FIXTURES / "complaint.eml").read_bytes())
    for _ in range(2):
        bounces.process_message((FIXTURES / "soft-bounce.eml").read_bytes())
    full.refresh_from_db()
    assert full.is_reachable and full.bounce_count == 2
    bounces.process_message((FIXTURES / "soft-bounce.eml").read_bytes())

    for subscriber, reason in [
        (gone, "hard-bounce"),
        (annoyed, "complaint"),
        (full, "soft-bounces"),
    ]:
        subscriber.refresh_from_db()
        assert subscriber.suppressed_reason == reason
        assert not subscriber.is_reachable


class Mailbox:
    """The calls ``read_mailbox`` makes of an ``imaplib.IMAP4``, over stored messages."""

    def __init__(self, messages: list[bytes]) -> None:
        self.messages, self.seen = messages, set()

    def select(self, folder):
        return "OK", [str(len(self.messages)).encode()]

    def search(self, charset, criterion):
        unseen = [str(i + 1) for i in range(len(self.messages)) if i + 1 not in self.seen]
        return "OK", [" ".join(unseen).encode()]

    def fetch(self, number, parts):
        return "OK", [(b"1 (BODY[] {n}", self.messages[int(number) - 1]), b")"]

    def store(self, number, command, flags):
        self.seen.add(int(number))
        return "OK", []


def test_the_mailbox_reader_records_each_unseen_message_once(newsroom):
    gone = subscribe(newsroom["newsletter"], "gone@reader.example")
    box = Mailbox([(FIXTURES / "hard-bounce.eml").read_bytes(), b"Subject: hello\r\n\r\nhi"])

    assert bounces.read_mailbox(box) == 2
    assert bounces.read_mailbox(box) == 0
    gone.refresh_from_db()
    assert gone.suppressed_reason == "hard-bounce"


def test_a_5xx_at_send_time_marks_the_row_failed_and_suppresses_the_address(newsroom, smtp):
    subscribe(newsroom["newsletter"], "ok@reader.example")
    refused = subscribe(newsroom["newsletter"], "nobody@reader.example")
    smtp.refuse["nobody@reader.example"] = "550 5.1.1 No such user"
    article(newsroom, "Harbour master retires after thirty years")

    call_command("newsletter", "send", "morning-tide", stdout=open("/dev/null", "w"))

    assert len(smtp.to("ok@reader.example")) == 1
    row = Delivery.objects.get(subscriber=refused)
    assert row.status == DeliveryStatus.FAILED and "550" in row.error
    refused.refresh_from_db()
    assert refused.suppressed_reason == "refused"


@pytest.fixture
def secret(settings):
    settings.BROADSHEET_BOUNCE_WEBHOOK_SECRET = "harbour-secret"
    return "harbour-secret"


def test_the_webhook_needs_the_secret_and_says_what_is_wrong(client, newsroom, secret):
    subscriber = subscribe(newsroom["newsletter"], "gone@reader.example")
    body = json.dumps(
        {"events": [{"email": "Gone@reader.example", "type": "hard", "detail": "550"}]}
    )

    unauthorised = client.post("/subscriptions/bounces/", body, content_type="application/json")
    malformed = client.post(
        "/subscriptions/bounces/",
        '{"events": [{"type": "hard"}]}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    accepted = client.post(
        "/subscriptions/bounces/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )

    assert unauthorised.status_code == 401
    assert malformed.status_code == 400 and "email" in malformed.json()["error"]
    assert accepted.json() == {"received": 1, "known": 1}
    subscriber.refresh_from_db()
    assert subscriber.suppressed_reason == "hard-bounce"


def test_the_privacy_commands_export_and_erase_subscribers_too(newsroom):
    import io

    subscribe(newsroom["newsletter"], "ines@reader.example")
    out = io.StringIO()
    call_command("comments_export", "INES@reader.example", stdout=out)
    data = json.loads(out.getvalue())
    assert data["comments"] == []
    assert data["newsletter_subscriber"]["newsletters"] == ["Morning Tide"]

    out = io.StringIO()
    call_command("comments_erase", "ines@reader.example", "--yes", stdout=out)
    assert "newsletters: erased 1 records" in out.getvalue()
    assert not Subscriber.objects.exists()


def test_a_4xx_is_retried_after_a_lease_then_counted_as_a_soft_bounce(newsroom, smtp, settings):
    settings.BROADSHEET_NEWSLETTER_LEASE_SECONDS = 0.5
    busy = subscribe(newsroom["newsletter"], "busy@reader.example")
    smtp.refuse["busy@reader.example"] = "451 4.7.1 Try again later"
    article(newsroom, "Fog delays the morning crossing")

    call_command("newsletter", "send", "morning-tide", stdout=open("/dev/null", "w"))

    row = Delivery.objects.get(subscriber=busy)
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, 3)
    assert "451" in row.error
    busy.refresh_from_db()
    assert busy.bounce_count == 1 and busy.is_reachable  # one soft bounce does not suppress
