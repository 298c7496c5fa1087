"""Two senders claiming at once never take the same rows (SKIP LOCKED on PostgreSQL; SQLite
serialises writers), and a claim left by a dead sender is taken again after its lease."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import OperationalError, connections
from django.utils import timezone

from broadsheet.newsletters import editions, sending
from broadsheet.newsletters.models import Delivery, DeliveryStatus, Subscriber, Subscription
from tests.newsletters.conftest import article


@pytest.fixture
def queued(newsroom):
    for n in range(40):
        subscriber = Subscriber.objects.create(
            email=f"r{n}@reader.example", confirmed_at=timezone.now()
        )
        Subscription.objects.create(subscriber=subscriber, newsletter=newsroom["newsletter"])
    article(newsroom, "Pilot boats get new engines")
    edition = editions.build_automatic(newsroom["newsletter"])
    editions.queue(edition)
    return edition


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_senders_claiming_at_once_take_different_rows(queued):
    taken: dict[str, list[int]] = {}
    start = threading.Barrier(2)

    def claim(me: str) -> None:
        try:
            start.wait()
            for _ in range(50):
                try:
                    taken[me] = [d.pk for d in sending.claim(queued, me=me, size=15)]
                    return
                except OperationalError as error:
                    # SQLite's in-memory test database shares one cache between threads, and
                    # its table locks fail at once instead of waiting as a database file's
                    # busy timeout does: try again, as a writer queued on a file would.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.05)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claim, args=(me,)) for me in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert len(taken["a"]) == len(taken["b"]) == 15
    assert not set(taken["a"]) & set(taken["b"])
    assert Delivery.objects.filter(status=DeliveryStatus.CLAIMED).count() == 30


def test_a_dead_sender_s_rows_are_taken_again_only_after_the_lease(queued, settings):
    settings.BROADSHEET_NEWSLETTER_LEASE_SECONDS = 60
    first = sending.claim(queued, me="dead", size=40)
    assert len(first) == 40
    assert sending.claim(queued, me="next", size=40) == []

    Delivery.objects.update(claimed_at=timezone.now() - timedelta(seconds=61))
    again = sending.claim(queued, me="next", size=40)

    assert len(again) == 40
    assert set(Delivery.objects.values_list("claimed_by", flat=True)) == {"next"}
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {2}
