"""Deliveries to a real receiver: signed, with their headers and the API's shape; tried again
after errors and timeouts with growing waits; disabled after a day of failures."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from broadsheet.core import scheduling
from broadsheet.webhooks import actions, policy
from broadsheet.webhooks.delivering import deliver_due
from broadsheet.webhooks.models import Attempt, Delivery, DeliveryState, Event, Subscription
from tests import factories
from tests.webhooks.conftest import documented_verify

pytestmark = pytest.mark.django_db


def publish(newsroom, committing, **fields):
    with committing():
        return factories.make_article(newsroom, **fields)


def test_a_published_article_arrives_signed_with_its_headers_as_the_api_shows_it(
    client, receiver, subscribe, newsroom, committing
):
    subscription = subscribe("article.published")
    article = publish(newsroom, committing, title="Night buses return", tags=["Transport"])

    assert receiver.received == []  # nothing is sent while publishing
    deliver_due()

    [got] = receiver.received
    delivery = Delivery.objects.get()
    assert documented_verify()(subscription.secret, got.headers["Broadsheet-Signature"], got.body)
    assert got.headers["Broadsheet-Event"] == "article.published"
    assert got.headers["Broadsheet-Delivery"] == str(delivery.pk)
    assert got.headers["Content-Type"] == "application/json"
    assert set(got.json) == {"id", "event", "occurred_at", "data"}
    assert got.json["event"] == "article.published"
    assert got.json["id"] == str(delivery.event_id)
    assert got.json["data"]["article"] == client.get(f"/api/v1/articles/{article.pk}").json()
    assert delivery.state == DeliveryState.DELIVERED
    assert Attempt.objects.get().status_code == 200


def test_a_signature_made_with_another_secret_or_over_another_body_is_refused(
    receiver, subscribe, newsroom, committing
):
    subscription = subscribe("article.published")
    publish(newsroom, committing)
    deliver_due()
    [got] = receiver.received
    verify = documented_verify()
    header = got.headers["Broadsheet-Signature"]
    assert verify(subscription.secret, header, got.body)
    assert not verify(subscription.secret + "x", header, got.body)
    assert not verify(subscription.secret, header, got.body.replace(b"Harbour", b"Harbor"))
    assert not verify(subscription.secret, header.replace("t=", "t=1"), got.body)


def test_a_receiver_answering_500_is_tried_again_after_growing_waits_until_it_accepts(
    receiver, subscribe, newsroom, committing
):
    receiver.plan = [500, 503, 200]
    subscribe("article.published")
    publish(newsroom, committing)
    start = timezone.now()

    deliver_due(now=start)
    delivery = Delivery.objects.get()
    first_retry = delivery.next_attempt_at
    assert first_retry >= start + policy.FIRST_DELAY
    assert deliver_due(now=first_retry - timedelta(seconds=1)) == []  # not yet due

    deliver_due(now=first_retry)
    delivery.refresh_from_db()
    assert delivery.next_attempt_at - first_retry >= 2 * policy.FIRST_DELAY
    deliver_due(now=delivery.next_attempt_at)

    delivery.refresh_from_db()
    log = list(Attempt.objects.order_by("at"))
    assert [a.status_code for a in log] == [500, 503, 200]
    assert [a.next_retry_at is not None for a in log] == [True, True, False]
    assert log[0].error == "HTTP 500 Internal Server Error"
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 3
    # The same delivery id and the same bytes each time, so receivers can skip repeats.
    assert len({r.headers["Broadsheet-Delivery"] for r in receiver.received}) == 1
    assert len({r.body for r in receiver.received}) == 1
    subscription = Subscription.objects.get()
    assert subscription.failing_since is None and subscription.last_success_at is not None


def test_a_receiver_that_does_not_answer_in_time_is_tried_again(
    settings, receiver, subscribe, newsroom, committing
):
    settings.BROADSHEET_WEBHOOK_TIMEOUT = 0.5
    receiver.plan = [("sleep", 3, 200), 200]
    subscribe("article.published")
    publish(newsroom, committing)
    start = timezone.now()

    deliver_due(now=start)
    first = Attempt.objects.get()
    assert first.status_code is None
    assert first.error == "no answer within 0.5 s"
    assert first.next_retry_at is not None

    deliver_due(now=first.next_retry_at)
    assert Delivery.objects.get().state == DeliveryState.DELIVERED
    assert len(receiver.received) == 2


def test_an_address_nobody_answers_at_is_a_logged_failure(subscribe, newsroom, committing):
    subscribe("article.published", url="http://127.0.0.1:9/hooks")
    publish(newsroom, committing)
    deliver_due()
    attempt = Attempt.objects.get()
    assert attempt.status_code is None and attempt.error.startswith("could not connect")
    assert Delivery.objects.get().state == DeliveryState.PENDING


def test_a_retry_waiting_in_the_database_is_sent_by_the_worker_started_afresh(
    receiver, subscribe, newsroom, committing
):
    receiver.plan = [500, 200]
    subscribe("article.published")
    publish(newsroom, committing)
    deliver_due()
    # The worker stops here; what it knew is only in the database. Time passes.
    Delivery.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))

    # What `broadsheet worker` runs every minute includes the delivery of due retries.
    assert deliver_due in scheduling.every_minute()
    deliver_due()

    assert Delivery.objects.get().state == DeliveryState.DELIVERED
    assert [a.status_code for a in Attempt.objects.order_by("at")] == [500, 200]


def _fail_until_disabled(subscription) -> int:
    """Run the minute job at each next attempt time until the subscription is disabled."""
    runs = 0
    while Subscription.objects.get(pk=subscription.pk).active:
        due = Delivery.objects.filter(state=DeliveryState.PENDING).order_by("next_attempt_at")
        deliver_due(now=due.first().next_attempt_at)
        runs += 1
        assert runs < 100
    return runs


def test_a_subscription_failing_for_a_day_is_disabled_and_the_administrators_told(
    django_user_model, receiver, subscribe, newsroom, committing
):
    django_user_model.objects.create_superuser("chief", "chief@quayside.example", "pw")
    django_user_model.objects.create_user("editor", "editor@quayside.example", "pw")
    receiver.plan = [500]
    subscription = subscribe("article.published", "article.updated", name="Partner app")
    article = publish(newsroom, committing)

    with committing():  # the email goes once the change that disabled it commits
        runs = _fail_until_disabled(subscription)

    subscription.refresh_from_db()
    delivery = Delivery.objects.get()
    assert not subscription.active and subscription.disabled_at is not None
    tried_for = subscription.disabled_at - subscription.failing_since
    assert tried_for >= policy.RETRY_FOR - policy.MAX_DELAY
    assert delivery.state == DeliveryState.FAILED
    assert delivery.attempts == runs
    assert Attempt.objects.filter(next_retry_at__isnull=True).count() == 1
    [message] = mail.outbox
    assert message.to == ["chief@quayside.example"]
    assert "Partner app" in message.subject
    assert f"/admin/webhooks/log/{subscription.pk}/" in message.body

    # Disabled: a new event is not sent at all.
    article.title = "Harbour bridge reopens after repairs, two weeks early"
    with committing():
        article.save_revision().publish()
    assert Delivery.objects.count() == 1


def test_a_flaky_receiver_that_sometimes_accepts_keeps_its_subscription(
    receiver, subscribe, newsroom, committing
):
    subscription = subscribe("article.published")
    receiver.decide = lambda body: 200 if b"Market hall" in body else 500
    publish(newsroom, committing, title="Ferry timetable changes", slug="ferry")
    start = timezone.now()
    deliver_due(now=start)
    publish(newsroom, committing, title="Market hall reopens", slug="market")
    deliver_due(now=start + timedelta(hours=2))  # the market is accepted, the ferry fails

    ferry = Delivery.objects.get(event__body__contains="Ferry timetable")
    while ferry.state == DeliveryState.PENDING:
        deliver_due(now=ferry.next_attempt_at)
        ferry.refresh_from_db()

    subscription.refresh_from_db()
    assert ferry.state == DeliveryState.FAILED
    assert subscription.active
    assert subscription.last_success_at > ferry.first_attempt_at
    assert subscription.failing_since > ferry.first_attempt_at
    assert mail.outbox == []


def test_reactivating_a_disabled_subscription_sends_what_waited(
    receiver, subscribe, newsroom, committing
):
    receiver.plan = [500]
    subscription = subscribe("article.published")
    publish(newsroom, committing, title="Ferry timetable changes", slug="ferry")
    deliver_due()
    Subscription.objects.filter(pk=subscription.pk).update(active=False, disabled_at=timezone.now())
    publish(newsroom, committing, title="Market hall reopens", slug="market")  # not for it
    receiver.plan = [200]

    actions.reactivate(subscription=Subscription.objects.get(pk=subscription.pk))
    deliver_due()

    assert Delivery.objects.get().state == DeliveryState.DELIVERED
    assert Subscription.objects.get().disabled_at is None


def test_a_change_that_rolls_back_records_nothing(receiver, subscribe, newsroom):
    subscribe()
    # No commit: the test's transaction is rolled back with the on-commit callbacks unrun.
    factories.make_article(newsroom)
    deliver_due()
    assert Event.objects.count() == 0 and receiver.received == []


def test_events_nobody_chose_are_not_recorded(subscribe, newsroom, committing):
    subscribe("comment.approved")
    subscribe("article.published", name="Off", active=False)
    publish(newsroom, committing)
    assert Event.objects.count() == 0


def test_what_is_wanted_is_remembered_and_follows_every_subscription_saved(
    receiver, subscribe, newsroom, committing
):
    """Events nobody wants cost no query; a subscription created, given an event or switched
    back on is honoured from the next event."""
    partner = subscribe("comment.approved")
    publish(newsroom, committing, title="First", slug="first")
    with CaptureQueriesContext(connection) as queries:
        assert actions.record_event(name="article.published", obj=None) is None
    assert not [q for q in queries.captured_queries if "webhooks_" in q["sql"]]

    partner.events = ["comment.approved", "article.published"]
    partner.save()
    publish(newsroom, committing, title="Second", slug="second")
    later = subscribe("article.updated", name="Later")
    later.active = False
    later.save()
    later.active = True
    later.save()
    with committing():
        article = ArticlePage.objects.get(slug="second")
        article.title = "Second, retitled"
        article.save_revision().publish()
    deliver_due()
    names = sorted(json.loads(r.body)["event"] for r in receiver.received)
    assert names == ["article.published", "article.updated"]


def test_every_subscription_to_an_event_gets_its_own_delivery_of_one_body(
    receiver, subscribe, newsroom, committing
):
    first, second = subscribe("article.published"), subscribe("article.published", name="B")
    publish(newsroom, committing)
    deliver_due()
    assert Event.objects.count() == 1
    assert len(receiver.received) == 2
    by_delivery = {r.headers["Broadsheet-Delivery"]: r for r in receiver.received}
    for delivery in Delivery.objects.select_related("subscription"):
        got = by_delivery[str(delivery.pk)]
        secret = delivery.subscription.secret
        assert documented_verify()(secret, got.headers["Broadsheet-Signature"], got.body)
    assert first.secret != second.secret
    assert json.loads(receiver.received[0].body) == json.loads(receiver.received[1].body)


def test_the_log_forgets_events_after_a_month_unless_a_delivery_still_waits(
    receiver, subscribe, newsroom, committing
):
    subscribe("article.published")
    receiver.decide = lambda body: 200 if b"Ferry" in body else 500
    publish(newsroom, committing, title="Ferry timetable changes", slug="ferry")
    publish(newsroom, committing, title="Market hall reopens", slug="market")
    deliver_due()
    month_on = timezone.now() + policy.KEEP_FOR + timedelta(minutes=1)
    waiting = Delivery.objects.get(state=DeliveryState.PENDING)
    Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=month_on + timedelta(hours=1))

    deliver_due(now=month_on)

    assert [e.name for e in Event.objects.all()] == ["article.published"]
    assert Delivery.objects.get().pk == waiting.pk
    assert Attempt.objects.filter(delivery__state=DeliveryState.DELIVERED).count() == 0
