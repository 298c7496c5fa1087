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


class CachedUrl(models.Model):
    """A URL a shared cache may hold, with one surrogate key its response named.

    Kept only for caches that purge one URL at a time (:mod:`broadsheet.caching.url_index`):
    purging a key there means purging every URL stored under it.
    """

    key = models.CharField(max_length=200)
    url = models.CharField(max_length=2000)
    seen = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "url"], name="cached_url_once")]
        indexes = [models.Index(fields=["seen"])]

    def __str__(self) -> str:
        return f"{self.key}: {self.url}"
