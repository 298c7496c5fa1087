"""Keep derived article data true when the settings it depends on change."""

from django.db import transaction
from django.db.models.signals import pre_save
from django.dispatch import receiver

from broadsheet.articles.actions import recompute_reading_times_task
from broadsheet.core.models import SiteSettings


@receiver(pre_save, sender=SiteSettings)
def queue_reading_time_refresh(sender, instance: SiteSettings, **kwargs) -> None:
    """A new reading speed changes every stored reading time of that site."""
    previous = (
        SiteSettings.objects.filter(pk=instance.pk).values_list("words_per_minute", flat=True)
        if instance.pk
        else []
    )
    if instance.pk and list(previous) != [instance.words_per_minute]:
        site_id = instance.site_id
        transaction.on_commit(lambda: recompute_reading_times_task.enqueue(site_id))
