"""Receivers for the newsletters' reader pages: a newsletter changed (named, described,
offered or withdrawn) purges the sign-up box and the index that list it, and its own archive;
an edition sent or removed purges only its newsletter's archive, feed and web versions
(``broadsheet.newsletters.keys``). Sending never purges an article page."""

from broadsheet.caching import fragments
from broadsheet.freshness.handlers import schedule
from broadsheet.newsletters import keys
from broadsheet.newsletters.models import Edition, EditionStatus, Newsletter


def newsletter_changed(sender, instance: Newsletter, **kwargs) -> None:
    """``post_save`` / ``post_delete`` of a ``Newsletter``."""
    if kwargs.get("raw"):
        return
    fragments.bump([keys.GENERATION])
    schedule({keys.OFFERED, keys.newsletter(instance.pk)})


def edition_sent(sender, edition: Edition, **kwargs) -> None:
    """``broadsheet.newsletters.signals.edition_sent``: a new web version in the archive."""
    schedule({keys.newsletter(edition.newsletter_id)})


def edition_deleted(sender, instance: Edition, **kwargs) -> None:
    """``post_delete`` of an ``Edition``: a sent one leaves the archive."""
    if instance.status == EditionStatus.SENT:
        schedule({keys.newsletter(instance.newsletter_id)})
