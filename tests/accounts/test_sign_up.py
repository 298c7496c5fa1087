"""A reader creates an account: sign-up, the confirmation email, and the link in it."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

from tests.accounts.conftest import PASSWORD, link_in_last_email, sign_in, sign_up

pytestmark = pytest.mark.django_db


def test_sign_up_sends_a_confirmation_email(client):
    response = sign_up(client, "priya@example.net")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["priya@example.net"]
    assert message.subject == "[Broadsheet] Confirm your email address"
    assert "http://testserver/accounts/confirm-email/" in message.body
    assert not EmailAddress.objects.get(email="priya@example.net").verified


def test_the_page_after_sign_up_says_to_check_the_inbox(client):
    response = sign_up(client, "priya@example.net")
    page = client.get(response["Location"])
    assert "Check your email" in page.content.decode()


def test_the_link_in_the_email_confirms_the_address(client):
    sign_up(client, "priya@example.net")
    link = link_in_last_email("/accounts/confirm-email/")
    page = client.get(link)
    assert page.status_code == 200
    assert "priya@example.net" in page.content.decode()
    # Opening the link alone confirms nothing (mail scanners open links); the button does.
    assert not EmailAddress.objects.get(email="priya@example.net").verified
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert EmailAddress.objects.get(email="priya@example.net").verified


def test_a_confirmed_reader_can_sign_in(client):
    sign_up(client, "priya@example.net")
    client.post(link_in_last_email("/accounts/confirm-email/"))
    response = sign_in(client, "priya@example.net")
    assert response.status_code == 302
    assert response["Location"] == "/"
    overview = client.get("/accounts/")
    assert overview.status_code == 200
    assert "priya@example.net" in overview.content.decode()


def test_an_unconfirmed_reader_cannot_sign_in(client):
    sign_up(client, "priya@example.net")
    client.logout()
    mail.outbox.clear()
    response = sign_in(client, "priya@example.net")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert client.get("/accounts/")["Location"].startswith("/accounts/login/")
    # The link sent a moment ago is still good, so no second email yet...
    assert mail.outbox == []
    # ...but once the resend interval has passed, signing in sends a fresh one.
    cache.clear()
    sign_in(client, "priya@example.net")
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_a_bad_confirmation_link_confirms_nothing(client):
    sign_up(client, "priya@example.net")
    page = client.get("/accounts/confirm-email/not-a-real-key/")
    assert "This link has expired or has already been used" in page.content.decode()
    assert client.post("/accounts/confirm-email/not-a-real-key/").status_code == 404
    assert not EmailAddress.objects.get(email="priya@example.net").verified


def test_the_user_name_is_optional_and_never_made_from_the_email(client):
    sign_up(client, "jo.bloggs@example.net")
    user = get_user_model().objects.get(email="jo.bloggs@example.net")
    assert user.username.startswith("reader")
    assert "bloggs" not in user.username


def test_a_chosen_user_name_is_kept(client):
    sign_up(client, "kwame@example.net", username="riverwatcher")
    assert get_user_model().objects.get(email="kwame@example.net").username == "riverwatcher"


def test_signing_up_twice_with_one_address_reveals_nothing_on_the_page(client, reader):
    response = sign_up(client, reader.email)
    assert response["Location"] == "/accounts/confirm-email/"
    assert get_user_model().objects.filter(email=reader.email).count() == 1
    assert mail.outbox[-1].subject == "[Broadsheet] You already have an account"


def test_sign_up_refuses_mismatched_passwords(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "dai@example.net", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not get_user_model().objects.filter(email="dai@example.net").exists()
    assert mail.outbox == []
