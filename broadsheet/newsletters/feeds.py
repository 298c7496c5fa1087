"""Each newsletter's archive as an Atom feed: its sent editions, newest first."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from broadsheet.caching import keys as cache_keys
from broadsheet.newsletters import keys
from broadsheet.newsletters.models import Edition, EditionStatus, Newsletter


class EditionsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug: str) -> Newsletter:
        newsletter = get_object_or_404(Newsletter, slug=slug, active=True)
        cache_keys.add(keys.newsletter(newsletter.pk))
        return newsletter

    def title(self, newsletter: Newsletter) -> str:
        return newsletter.name

    def subtitle(self, newsletter: Newsletter) -> str:
        return newsletter.description

    def link(self, newsletter: Newsletter) -> str:
        return newsletter.get_absolute_url()

    def items(self, newsletter: Newsletter):
        return (
            Edition.objects.filter(newsletter=newsletter, status=EditionStatus.SENT)
            .select_related("newsletter")
            .order_by("-finished_at")[:30]
        )

    def item_title(self, item: Edition) -> str:
        return item.subject

    def item_description(self, item: Edition) -> str:
        return item.intro

    def item_pubdate(self, item: Edition):
        return item.finished_at
