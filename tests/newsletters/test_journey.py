"""Subscribe → confirm → receive → one-click unsubscribe, through HTTP and a real SMTP
server, with the received MIME parsed."""

import re
import time

import pytest
from django.core import mail as django_mail
from django.core.management import call_command

from broadsheet.newsletters import tokens, traps
from broadsheet.newsletters.models import Delivery, Edition, Subscriber
from tests.newsletters.conftest import article

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def sign_up(client, newsletter, email="ines@reader.example", **extra):
    token = traps.form_token(now=time.time() - 10)
    data = {"email": email, "newsletters": [newsletter.pk], "token": token, "website": ""}
    data.update(extra)
    return client.post("/subscriptions/subscribe/", data, **ORIGIN)


def link_in(message, path: str) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(rf"http://testserver(/subscriptions/{path}/[^/\s]+/)", text).group(1)


def test_the_newsletters_page_is_the_same_for_everyone_and_holds_no_csrf_token(client, newsroom):
    response = client.get("/newsletters/")

    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" not in response.content
    assert b"Morning Tide" in response.content
    assert "public" in response["Cache-Control"]


def test_whole_journey_subscribe_confirm_receive_and_one_click_unsubscribe(client, newsroom, smtp):
    newsletter = newsroom["newsletter"]
    response = sign_up(client, newsletter)
    assert response.status_code == 200
    assert b"Check your inbox" in response.content
    assert not Subscriber.objects.reachable().exists()  # nothing until the link is opened

    (confirmation,) = smtp.to("ines@reader.example")
    confirm = link_in(confirmation, "confirm")
    assert client.get(confirm).status_code == 200  # a page with a button: scanners do nothing
    assert not Subscriber.objects.reachable().exists()
    assert client.post(confirm).status_code == 200
    assert Subscriber.objects.reachable().get().email == "ines@reader.example"

    article(newsroom, "Night ferry keeps its timetable", hero_image=None)
    call_command("newsletter", "send", "morning-tide", stdout=open("/dev/null", "w"))

    copies = smtp.to("ines@reader.example")[1:]
    assert len(copies) == 1
    message = copies[0]
    assert message["From"] == "The Courier <tide@courier.example>"
    assert message["List-Id"] == "Morning Tide <morning-tide.testserver>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = re.findall(r"<([^>]+)>", message["List-Unsubscribe"])
    assert https.startswith("http://testserver/subscriptions/unsubscribe/")
    assert mailto.startswith("mailto:")
    assert message.get_content_type() == "multipart/alternative"
    html = message.get_body(preferencelist=("html",)).get_content()
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Night ferry keeps its timetable" in html and "Night ferry keeps its timetable" in text
    assert "Reading time: 1 min" in html and "By Ada Brennan" in text
    assert "<table" in html and 'style="' in html  # table layout, CSS inlined
    assert "<script" not in html and "fonts.googleapis" not in html
    assert "prefers-color-scheme: dark" in html

    # RFC 8058: the mail client POSTs, with no CSRF token and no confirmation.
    path = https.removeprefix("http://testserver")
    answer = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    subscriber = Subscriber.objects.get()
    assert not subscriber.subscriptions.exists()
    assert Delivery.objects.get().unsubscribed_at is not None


def test_a_second_send_with_nothing_new_sends_nothing(newsroom, smtp, capsys):
    subscriber = Subscriber.objects.create(
        email="ola@reader.example", confirmed_at="2026-01-01T00:00Z"
    )
    subscriber.subscriptions.create(newsletter=newsroom["newsletter"])
    article(newsroom, "Tide tables for the week")
    call_command("newsletter", "send", "morning-tide")
    call_command("newsletter", "send", "morning-tide")

    assert len(smtp.to("ola@reader.example")) == 1
    assert "nothing new" in capsys.readouterr().out
    assert Edition.objects.get().status == "sent"


def test_bot_traps_refuse_and_keep_what_was_typed(client, newsroom):
    filled = sign_up(client, newsroom["newsletter"], website="http://spam.example")
    too_fast = client.post(
        "/subscriptions/subscribe/",
        {
            "email": "a@reader.example",
            "newsletters": [newsroom["newsletter"].pk],
            "token": traps.form_token(),
        },
        **ORIGIN,
    )
    other_site = client.post(
        "/subscriptions/subscribe/",
        {"email": "b@reader.example"},
        HTTP_ORIGIN="https://evil.example",
    )

    assert filled.status_code == 400 and b"ines@reader.example" in filled.content
    assert too_fast.status_code == 400 and b"very fast" in too_fast.content
    assert other_site.status_code == 403
    assert not Subscriber.objects.exists()
    assert not django_mail.outbox


def test_a_forged_link_changes_nothing(client, newsroom):
    assert client.post("/subscriptions/unsubscribe/forged/").status_code == 400
    assert client.get("/subscriptions/confirm/forged/").status_code == 400


def test_preferences_change_lists_pause_and_leave_everything(client, newsroom):

    subscriber = Subscriber.objects.create(
        email="kim@reader.example", confirmed_at="2026-01-01T00:00Z"
    )
    subscriber.subscriptions.create(newsletter=newsroom["newsletter"])
    url = f"/subscriptions/preferences/{tokens.manage_token(subscriber)}/"

    assert (
        client.post(url, {"paused": "on", "newsletters": [newsroom["newsletter"].pk]}).status_code
        == 200
    )
    subscriber.refresh_from_db()
    assert subscriber.paused and not subscriber.is_reachable
    client.post(url, {"unsubscribe_all": "1"})
    subscriber.refresh_from_db()
    assert subscriber.suppressed_reason == "unsubscribed"
    assert not subscriber.subscriptions.exists()


@pytest.mark.parametrize("path", ["/newsletters/morning-tide/", "/newsletters/morning-tide/feed/"])
def test_archive_and_feed_answer(client, newsroom, path):
    assert client.get(path).status_code == 200


def test_signed_in_readers_subscribe_in_one_click_from_their_account_page(
    client, newsroom, django_user_model
):
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("ines", "Ines@reader.example", "pw")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client.force_login(user)
    page = client.get("/accounts/")
    assert b"Morning Tide" in page.content and b"Subscribe" in page.content

    client.post("/subscriptions/account/", {"newsletter": newsroom["newsletter"].pk})

    subscriber = Subscriber.objects.reachable().get()
    assert subscriber.email == "ines@reader.example"
    assert b"Unsubscribe" in client.get("/accounts/").content
    client.post("/subscriptions/account/", {"newsletter": newsroom["newsletter"].pk, "leave": "1"})
    assert not subscriber.subscriptions.exists()


def test_list_unsubscribe_stays_one_readable_header_line(newsroom, smtp):
    subscriber = Subscriber.objects.create(
        email="raw@reader.example", confirmed_at="2026-01-01T00:00Z"
    )
    subscriber.subscriptions.create(newsletter=newsroom["newsletter"])
    article(newsroom, "Ferry crews train for winter storms")
    call_command("newsletter", "send", "morning-tide", stdout=open("/dev/null", "w"))

    (raw,) = smtp.raw
    line = next(h for h in raw.split(b"\r\n") if h.startswith(b"List-Unsubscribe:"))
    assert b"=?utf-8?" not in line
    assert re.fullmatch(
        rb"List-Unsubscribe: <http://testserver/subscriptions/unsubscribe/\S+/>, <mailto:\S+>", line
    )


def test_a_signed_in_reader_signs_up_from_the_form_with_its_csrf_token(newsroom, django_user_model):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("kai", "kai@reader.example", "pw"))
    page = client.get("/newsletters/").content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = re.search(r'name="token" value="([^"]+)"', page).group(1)
    with_token = {"email": "kai@reader.example", "newsletters": [newsroom["newsletter"].pk]}

    refused = client.post("/subscriptions/subscribe/", {**with_token, "token": form}, **ORIGIN)
    signing_time = traps.form_token(now=time.time() - 10)
    accepted = client.post(
        "/subscriptions/subscribe/",
        {**with_token, "token": signing_time, "csrfmiddlewaretoken": csrf},
        **ORIGIN,
    )

    assert refused.status_code == 403
    assert accepted.status_code == 200 and b"Check your inbox" in accepted.content
