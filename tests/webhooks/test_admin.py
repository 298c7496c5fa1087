"""Subscriptions in the admin: made, refused with a field error, their log and secret shown
to administrators only, a disabled one taken back into service."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from broadsheet.webhooks.delivering import deliver_due
from broadsheet.webhooks.models import Delivery, DeliveryState, Subscription
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chief", "c@x.example", "pw"))
    return client


def form(**fields) -> dict:
    return {
        "name": "Partner app",
        "url": "https://partner.example/hooks",
        "events": ["article.published", "comment.approved"],
        "active": "on",
        **fields,
    }


def test_the_list_and_the_add_form_load(admin, subscribe):
    subscribe("article.published", name="Syndication desk")
    listing = admin.get(reverse("webhooks:index")).content.decode()
    assert "Syndication desk" in listing and "Article published" in listing
    adding = admin.get(reverse("webhooks:add")).content.decode()
    assert "Live entry published" in adding and "Newsletter sent" in adding


def test_a_subscription_is_made_with_a_secret_of_its_own(admin):
    answer = admin.post(reverse("webhooks:add"), form())
    assert answer.status_code == 302, answer.content.decode()[:2000]
    subscription = Subscription.objects.get()
    assert subscription.events == ["article.published", "comment.approved"]
    assert subscription.secret.startswith("whsec_") and len(subscription.secret) > 40


@pytest.mark.parametrize(
    "url", ["ftp://partner.example/hooks", "javascript:alert(1)", "partner.example/hooks"]
)
def test_an_address_that_is_not_http_or_https_is_refused_with_a_field_error(admin, url):
    answer = admin.post(reverse("webhooks:add"), form(url=url))
    assert answer.status_code == 200
    assert "Enter a web address starting with http:// or https://." in answer.content.decode()
    assert not Subscription.objects.exists()


def test_a_subscription_without_events_is_refused(admin):
    answer = admin.post(reverse("webhooks:add"), form(events=[]))
    assert answer.status_code == 200
    assert "Choose at least one event to send." in answer.content.decode()
    assert not Subscription.objects.exists()


def test_the_log_shows_the_secret_and_every_attempt(
    admin, receiver, subscribe, newsroom, committing
):
    receiver.plan = [500, 200]
    subscription = subscribe("article.published")
    with committing():
        factories.make_article(newsroom)
    deliver_due()
    deliver_due(now=Delivery.objects.get().next_attempt_at)

    page = admin.get(reverse("webhooks:log", args=[subscription.pk])).content.decode()
    assert subscription.secret in page
    assert "article.published" in page
    assert "HTTP 500" in page and "HTTP 200" in page
    assert "retry at" in page
    assert str(Delivery.objects.get().pk) in page


def test_a_new_secret_replaces_the_old_one(admin, subscribe):
    subscription = subscribe()
    old = subscription.secret
    answer = admin.post(reverse("webhooks:new_secret", args=[subscription.pk]))
    assert answer.status_code == 302
    subscription.refresh_from_db()
    assert subscription.secret != old


def test_editors_who_are_not_administrators_see_no_secret(client, django_user_model, subscribe):
    subscription = subscribe()
    editor = django_user_model.objects.create_user("ed", "ed@x.example", "pw", is_staff=True)
    editor.user_permissions.add(*_admin_access())
    client.force_login(editor)
    refused = [
        client.get(reverse("webhooks:log", args=[subscription.pk])),
        client.post(reverse("webhooks:new_secret", args=[subscription.pk])),
        client.get(reverse("webhooks:edit", args=[subscription.pk])),
    ]
    # Wagtail's admin answers a refusal by sending the user back to the dashboard.
    assert [(answer.status_code, answer.url) for answer in refused] == [(302, "/admin/")] * 3
    assert Subscription.objects.get().secret == subscription.secret


def _admin_access():
    return Permission.objects.filter(codename="access_admin")


def test_marking_a_disabled_subscription_active_sends_what_waited(
    admin, receiver, subscribe, newsroom, committing
):
    subscription = subscribe("article.published")
    with committing():
        factories.make_article(newsroom)
    Subscription.objects.filter(pk=subscription.pk).update(
        active=False, disabled_at=timezone.now(), disabled_reason="Every attempt failed"
    )
    deliver_due()
    assert receiver.received == []

    answer = admin.post(
        reverse("webhooks:edit", args=[subscription.pk]),
        form(url=receiver.url, events=["article.published"]),
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    subscription.refresh_from_db()
    assert subscription.active and subscription.disabled_at is None
    deliver_due()
    assert Delivery.objects.get().state == DeliveryState.DELIVERED
