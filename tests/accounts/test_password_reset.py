"""A reader who forgot their password gets a link by email and chooses a new one."""

import pytest
from django.core import mail

from tests.accounts.conftest import PASSWORD, link_in_last_email, sign_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "kelder-park-7714"


def ask_for_reset(client, email):
    return client.post("/accounts/password/reset/", {"email": email})


def test_asking_for_a_reset_sends_a_link(client, reader):
    response = ask_for_reset(client, "marjorie@example.net")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["marjorie@example.net"]
    assert mail.outbox[0].subject == "[Broadsheet] Reset your password"
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_the_link_lets_the_reader_choose_a_new_password(client, reader):
    ask_for_reset(client, "marjorie@example.net")
    link = link_in_last_email("/accounts/password/reset/key/")
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    assert "Choose a new password" in form_page.content.decode()
    form_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/key/done/"

    assert sign_in(client, "marjorie@example.net", password=PASSWORD).status_code == 200
    assert sign_in(client, "marjorie@example.net", password=NEW_PASSWORD).status_code == 302


def test_a_used_link_cannot_be_used_again(client, reader):
    ask_for_reset(client, "marjorie@example.net")
    link = link_in_last_email("/accounts/password/reset/key/")
    form_page = client.get(link, follow=True)
    form_url = form_page.redirect_chain[-1][0]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    client.logout()
    again = client.get(link, follow=True)
    assert "expired or has already been used" in again.content.decode()


def test_an_unknown_address_looks_the_same_on_the_page(client, reader):
    response = ask_for_reset(client, "stranger@example.net")
    assert response["Location"] == "/accounts/password/reset/done/"
    assert mail.outbox[-1].to == ["stranger@example.net"]
    assert mail.outbox[-1].subject == "[Broadsheet] No account for this address"
    assert "/accounts/password/reset/key/" not in mail.outbox[-1].body
