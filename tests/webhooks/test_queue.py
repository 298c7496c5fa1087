"""The first attempt goes through the task queue, queued once the change commits; nothing
is sent while the editor's request runs, whatever the receiver does."""

import pytest
from django_tasks_db.models import DBTaskResult

from broadsheet.core.worker import TaskWorker
from broadsheet.webhooks.models import Delivery, DeliveryState
from broadsheet.webhooks.tasks import deliver
from tests import factories
from tests.webhooks.conftest import documented_verify

# The worker closes its connection between polls, as in production: outside a test
# transaction (see tests/core/test_worker.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_publishing_queues_the_delivery_and_the_worker_sends_it(receiver, subscribe):
    subscription = subscribe("article.published")
    factories.name_test_site("The Quayside Post")
    section = factories.make_section(factories.make_home())
    receiver.plan = [("sleep", 1, 200)]

    factories.make_article(section, title="Night buses return")

    # Published and committed: the delivery is waiting in the queue, nothing was sent.
    assert receiver.received == []
    delivery = Delivery.objects.get()
    [queued] = DBTaskResult.objects.filter(task_path=deliver.module_path)
    assert queued.args_kwargs["args"] == [str(delivery.pk)]
    assert queued.priority < 50  # behind cache purges

    TaskWorker(interval=0, batch=True).run()

    [got] = receiver.received
    assert documented_verify()(subscription.secret, got.headers["Broadsheet-Signature"], got.body)
    assert got.json["data"]["article"]["title"] == "Night buses return"
    delivery.refresh_from_db()
    assert delivery.state == DeliveryState.DELIVERED
