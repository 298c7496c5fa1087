from django.db import models


class Generation(models.Model):
    """A number that moves on every change readers can see of one thing.

    ``content`` moves when any article, section, author or site setting changes (the same
    events that purge pages from the HTTP cache); ``comments:<article id>`` moves when one
    article's visible comments or comment policy change. Rendered fragments are stored under
    the numbers current when they were rendered (:mod:`broadsheet.caching.fragments`), so a
    change makes every fragment that showed it unreachable at once, in every process.
    """

    key = models.CharField(max_length=100, primary_key=True)
    value = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"
