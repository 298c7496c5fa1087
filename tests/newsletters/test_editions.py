"""Automatic editions on their schedule in the site's time zone, skipped when nothing is new;
curated editions' web version and feed; the signal an edition sends when done; DKIM; counting
opens."""

import base64
import re
import subprocess
from datetime import UTC, datetime, time, timedelta

import dkim
import pytest
from django.core.management import call_command
from django.utils import timezone

from broadsheet.core.models import SiteSettings
from broadsheet.newsletters import editions, sending
from broadsheet.newsletters.models import (
    Cadence,
    Delivery,
    Edition,
    EditionStatus,
    Kind,
    Scope,
    Subscriber,
    Subscription,
)
from broadsheet.newsletters.signals import edition_sent
from tests import factories
from tests.newsletters.conftest import article


def reader(newsletter, email="ola@reader.example") -> Subscriber:
    subscriber = Subscriber.objects.create(email=email, confirmed_at=timezone.now())
    Subscription.objects.create(subscriber=subscriber, newsletter=newsletter)
    return subscriber


def test_the_schedule_is_read_in_the_site_time_zone(newsroom):
    SiteSettings.objects.update(time_zone="Europe/Berlin")
    newsletter = newsroom["newsletter"]
    newsletter.send_time, newsletter.cadence = time(7, 0), Cadence.WEEKDAYS
    newsletter.created_at = datetime(2026, 11, 1, tzinfo=UTC)
    newsletter.last_slot_at = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)  # Thursday's was sent
    newsletter.save()

    # 05:59 UTC on a Friday in winter is 06:59 in Berlin: not yet; 06:00 UTC is 07:00.
    assert editions.due_newsletters(datetime(2026, 12, 4, 5, 59, tzinfo=UTC)) == []
    ((due, slot),) = editions.due_newsletters(datetime(2026, 12, 4, 6, 0, tzinfo=UTC))
    assert due == newsletter and slot.hour == 7
    # Saturday's slot does not exist for a weekday newsletter: Friday's is the latest.
    saturday = editions.latest_slot(
        newsletter, datetime(2026, 12, 5, 9, tzinfo=UTC), editions.site_zone()
    )
    assert saturday.day == 4


def test_the_worker_sends_a_digest_once_per_slot_and_skips_when_nothing_is_new(newsroom, smtp):
    newsletter = newsroom["newsletter"]
    newsletter.created_at = timezone.now() - timedelta(days=3)
    newsletter.send_time = (timezone.localtime() - timedelta(minutes=5)).time()
    newsletter.save()
    reader(newsletter)
    article(newsroom, "Lighthouse cottage to become a museum")

    sending.send_due()
    sending.send_due()  # the next minute: the slot is handled

    assert len(smtp.to("ola@reader.example")) == 1
    edition = Edition.objects.get()
    assert edition.kind == Kind.AUTOMATIC and edition.status == EditionStatus.SENT
    Edition.objects.update(covers_until=timezone.now())
    newsletter.refresh_from_db()
    newsletter.last_slot_at = None  # as if the next day's slot came, with nothing new
    newsletter.save()
    sending.send_due()
    assert Edition.objects.count() == 1
    assert len(smtp.to("ola@reader.example")) == 1


def test_a_digest_of_chosen_tags_leaves_out_other_articles(newsroom):
    newsletter = newsroom["newsletter"]
    newsletter.scope, newsletter.tags = Scope.TAGS, "ferries"
    newsletter.save()
    article(newsroom, "Ferry fares rise in spring", tags=["ferries"])
    article(newsroom, "Council budget passes", tags=["council"])

    edition = editions.build_automatic(newsletter)

    assert [b.value["article"].title for b in edition.content] == ["Ferry fares rise in spring"]


def test_edition_sent_is_announced_once_when_every_address_was_tried(newsroom, smtp):
    reader(newsroom["newsletter"])
    article(newsroom, "Seal pups counted on the sandbank")
    heard = []

    def listener(sender, edition, **kwargs):
        heard.append(edition.pk)

    edition_sent.connect(listener)
    try:
        edition, counts = sending.send_now(newsroom["newsletter"])
        sending.send_edition(edition)
    finally:
        edition_sent.disconnect(listener)

    assert heard == [edition.pk]
    assert counts["sent"] == 1


def test_a_curated_edition_has_a_web_version_without_personal_links_and_a_feed(
    client, newsroom, smtp
):
    story = article(newsroom, "Harbour wall repairs begin")
    edition = Edition.objects.create(
        newsletter=newsroom["newsletter"],
        subject="The week on the water",
        intro="Our pick of the week.",
        content=[
            ("article", {"article": story, "teaser": "Why the wall matters to the old town."}),
            ("text", {"heading": "Letters", "text": "<p>Write to us about the tides.</p>"}),
        ],
        status=EditionStatus.SCHEDULED,
        scheduled_at=timezone.now(),
    )
    reader(newsroom["newsletter"])
    sending.send_due()

    page = client.get(edition.get_absolute_url())
    feed = client.get("/newsletters/morning-tide/feed/")

    assert page.status_code == 200
    html = page.content.decode()
    assert (
        "Why the wall matters to the old town." in html and "Write to us about the tides." in html
    )
    assert "/subscriptions/" not in html
    assert "The week on the water" in feed.content.decode()
    (message,) = smtp.to("ola@reader.example")
    assert "Why the wall matters" in message.get_body(preferencelist=("plain",)).get_content()


def test_drafts_have_no_web_version(client, newsroom):
    edition = Edition.objects.create(newsletter=newsroom["newsletter"], subject="Not yet")

    assert client.get(edition.get_absolute_url()).status_code == 404


@pytest.fixture
def dkim_key(tmp_path, settings):
    """A fresh RSA key (openssl), and the TXT record DNS would publish for it."""
    path = tmp_path / "dkim.pem"
    subprocess.run(
        ["openssl", "genrsa", "-traditional", "-out", str(path), "2048"],
        check=True,
        capture_output=True,
    )
    public = subprocess.run(
        ["openssl", "rsa", "-in", str(path), "-pubout", "-outform", "DER"],
        check=True,
        capture_output=True,
    ).stdout
    settings.BROADSHEET_DKIM_KEY_FILE = str(path)
    settings.BROADSHEET_DKIM_SELECTOR = "tide"
    settings.BROADSHEET_DKIM_DOMAIN = "courier.example"
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def test_with_a_key_configured_messages_carry_a_valid_dkim_signature(newsroom, smtp, dkim_key):
    reader(newsroom["newsletter"])
    article(newsroom, "Oyster beds reopen")

    sending.send_now(newsroom["newsletter"])

    (raw,) = smtp.raw
    assert b"DKIM-Signature:" in raw
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: dkim_key)


def test_opens_are_counted_only_when_switched_on_and_set_no_cookie(
    client, newsroom, smtp, settings
):
    reader(newsroom["newsletter"])
    article(newsroom, "Kite festival on the dunes")
    settings.BROADSHEET_NEWSLETTER_TRACKING = True
    sending.send_now(newsroom["newsletter"])
    (message,) = smtp.to("ola@reader.example")
    pixel = re.search(
        r'src="http://testserver(/subscriptions/opened/[^"]+)"',
        message.get_body(preferencelist=("html",)).get_content(),
    ).group(1)

    answer = client.get(pixel)

    assert answer["Content-Type"] == "image/gif" and not answer.cookies
    assert Delivery.objects.get().opened_at is not None
    html = message.get_body(preferencelist=("html",)).get_content()
    counted = re.findall(r'href="http://testserver(/subscriptions/clicked/[^"]+)"', html)
    targets = [client.get(path)["Location"] for path in counted]
    assert "http://testserver/harbour/kite-festival-on-the-dunes/" in targets
    assert Delivery.objects.get().clicks == len(counted)
    assert 'href="http://testserver/subscriptions/preferences/' in html  # personal links stay


def test_without_tracking_there_is_no_pixel(newsroom, smtp):
    reader(newsroom["newsletter"])
    article(newsroom, "Dune paths closed for nesting birds")

    sending.send_now(newsroom["newsletter"])

    (message,) = smtp.to("ola@reader.example")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "/subscriptions/opened/" not in html and "/subscriptions/clicked/" not in html


def test_the_list_command_prints_subscriber_counts(newsroom, capsys):
    reader(newsroom["newsletter"])
    Subscriber.objects.create(email="later@reader.example").subscriptions.create(
        newsletter=newsroom["newsletter"]
    )

    call_command("newsletter", "list")

    assert "morning-tide\tMorning Tide\tdaily\t2\t1" in capsys.readouterr().out


def test_sections_scope_with_no_section_chosen_builds_nothing(newsroom):
    newsletter = newsroom["newsletter"]
    newsletter.scope = Scope.SECTIONS
    newsletter.save()
    article(newsroom, "Tug boats race in the bay")
    other = factories.make_section(newsroom["home"], title="Sport", slug="sport")
    assert editions.build_automatic(newsletter) is None
    newsletter.sections.add(other)
    assert editions.build_automatic(newsletter) is None
    newsletter.sections.add(newsroom["section"])
    assert editions.build_automatic(newsletter) is not None


def test_a_developing_story_s_newsletter_collects_only_its_articles(newsroom):
    from broadsheet.articles.stories import Story

    story = Story.objects.create(title="The harbour wall", slug="harbour-wall")
    newsletter = newsroom["newsletter"]
    newsletter.scope, newsletter.story = Scope.STORY, story
    newsletter.save()
    joined = article(newsroom, "Engineers inspect the harbour wall")
    joined.story = story
    joined.save_revision().publish()
    article(newsroom, "Regatta moves to September")

    edition = editions.build_automatic(newsletter)

    assert [b.value["article"].title for b in edition.content] == [
        "Engineers inspect the harbour wall"
    ]
