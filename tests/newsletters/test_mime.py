"""Each copy's MIME is assembled from parts encoded once per edition: what readers receive
must be what Django's email machinery would have built from the same message, whatever the
edition holds (accents, long lines, spaces before a link, a reply-to address)."""

import email
import email.policy

import pytest
from django.utils import timezone

from broadsheet.newsletters import mail, sending
from broadsheet.newsletters.models import Delivery, Edition, EditionStatus, Subscriber
from tests.newsletters.conftest import article
from tests.newsletters.test_editions import reader

INTRO = (
    "Café owners on Quai Saint-Éloi say the new tide gates changed their summer. "
    "A line long enough to be folded by quoted-printable encoding, twice over, "
    "and ending in spaces before the links   "
)


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def built_by_django(message: mail.NewsletterMessage) -> email.message.EmailMessage:
    message.mime = None
    return parse(message.message(policy=email.policy.SMTP).as_bytes())


def same_text(content: str) -> str:
    """Line ends and the final one as written: the email package keeps a CR of CRLF text."""
    return content.replace("\r\n", "\n").rstrip("\r\n")


def headers(message: email.message.EmailMessage) -> dict[str, str]:
    found = {name: str(value) for name, value in message.items()}
    found.pop("Content-Type")  # its boundary is chosen at random
    return found


@pytest.fixture
def copy(newsroom):
    newsletter = newsroom["newsletter"]
    newsletter.name, newsletter.sender_name = "Marée du matin", "Le Courrier de l'Estuaire"
    newsletter.reply_to = "letters@courier.example"
    newsletter.save()
    story = article(newsroom, "Les écluses ferment à la marée haute")
    edition = Edition.objects.create(
        newsletter=newsletter,
        subject="Marée du matin : les écluses, le marché, la météo",
        intro=INTRO,
        content=[("article", {"article": story, "teaser": "Pourquoi les quais ont séché."})],
        status=EditionStatus.SENDING,
    )
    subscriber = reader(newsletter, email="zoe@reader.example")
    delivery = Delivery.objects.create(edition=edition, subscriber=subscriber)
    rendered = mail.render_edition(edition)
    return mail.message_for(rendered, delivery, subscriber)


def test_an_assembled_copy_is_the_message_django_builds(copy):
    assert copy.mime is not None, "the copy was assembled"
    assembled = parse(copy.message().as_bytes())
    django = built_by_django(copy)

    assert headers(assembled) == headers(django)
    assert assembled.get_content_type() == "multipart/alternative"
    for kind in ("plain", "html"):
        mine = assembled.get_body(preferencelist=(kind,))
        theirs = django.get_body(preferencelist=(kind,))
        assert same_text(mine.get_content()) == same_text(theirs.get_content())
    text = assembled.get_body(preferencelist=("plain",)).get_content()
    assert "Café owners on Quai Saint-Éloi" in text and "/subscriptions/preferences/" in text
    assert "les écluses" in assembled["Subject"]


def test_every_line_of_an_assembled_copy_is_short_ascii_with_crlf(copy):
    raw = copy.message().as_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 998 and b"\n" not in line and b"\r" not in line for line in lines)
    assert raw.isascii()
    body = raw.split(b"\r\n\r\n", 1)[1]
    assert max(len(line) for line in body.split(b"\r\n")) <= 76


def test_an_address_the_fast_path_cannot_write_as_is_is_built_by_the_email_package(newsroom):
    newsletter = newsroom["newsletter"]
    edition = Edition.objects.create(
        newsletter=newsletter, subject="Morning Tide", status=EditionStatus.SENDING
    )
    subscriber = Subscriber.objects.create(email="zoë@réader.example", confirmed_at=timezone.now())
    delivery = Delivery.objects.create(edition=edition, subscriber=subscriber)
    message = mail.message_for(mail.render_edition(edition), delivery, subscriber)
    assert message.mime is None
    assert parse(message.message(policy=email.policy.SMTP).as_bytes())["To"]


def test_a_send_delivers_assembled_copies_that_parse_as_sent(newsroom, smtp):
    reader(newsroom["newsletter"], email="ana@reader.example")
    article(newsroom, "Harbour lights switched on", standfirst="Forty lamps, one switch.")

    edition, counts = sending.send_now(newsroom["newsletter"])

    assert counts["sent"] == 1
    (message,) = smtp.to("ana@reader.example")
    assert message["Message-ID"] == Delivery.objects.get(edition=edition).message_id
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "Forty lamps, one switch." in html and "/subscriptions/unsubscribe/" in html
