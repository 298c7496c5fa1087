"""Operations on articles that are not a single editor's save."""

from django.tasks import task
from wagtail.models import Site

from broadsheet.articles.models import ArticlePage
from broadsheet.core.models import SiteSettings

BATCH_SIZE = 500


def recompute_reading_times(*, site: Site) -> int:
    """Store each article's reading time again at the site's current reading speed.

    Only the stored live value is refreshed; drafts get theirs when they are next published.
    Returns the number of articles whose reading time changed.
    """
    words_per_minute = SiteSettings.for_site(site).words_per_minute
    articles = ArticlePage.objects.descendant_of(site.root_page).only(
        "pk", "title", "standfirst", "body", "hero_image_id", "reading_minutes"
    )
    changed = []
    for article in articles.iterator(chunk_size=BATCH_SIZE):
        minutes = article.compute_reading_minutes(words_per_minute=words_per_minute)
        if minutes != article.reading_minutes:
            article.reading_minutes = minutes
            changed.append(article)
    ArticlePage.objects.bulk_update(changed, ["reading_minutes"], batch_size=BATCH_SIZE)
    return len(changed)


@task()
def recompute_reading_times_task(site_id: int) -> int:
    """Queued after an editor changes a site's reading speed."""
    return recompute_reading_times(site=Site.objects.get(pk=site_id))
