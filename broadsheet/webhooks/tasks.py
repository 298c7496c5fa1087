"""The delivery task: the first attempt of each delivery, queued once the change commits.

Retries are not queued: the worker's minute job sends them from the database
(:func:`broadsheet.webhooks.delivering.deliver_due`), so they survive a restart.
"""

from django.tasks import task

from broadsheet.webhooks import delivering

# Below cache purges (50): readers wait for those, receivers can wait a moment.
PRIORITY = -20


@task(priority=PRIORITY)
def deliver(delivery_id: str) -> str:
    done = delivering.attempt(delivery_id=delivery_id)
    return "not due" if done is None else (done.error or str(done.status_code))
