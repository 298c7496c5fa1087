"""Posts not imported before, written many at a time: the bulk of every first import.

A batch is prepared post by post as :func:`posts.import_entry` would (fields, byline, tags,
slug), then validated and written together: the pages and their revisions
(:mod:`.pagerows`), what ``ArticlePage.save()`` would have derived, the id mappings, the old
addresses and the comments, in a few queries for the whole batch. The caller runs a batch in
one transaction and, should anything in it fail, runs its posts again one at a time, so a
post that cannot be imported is reported and skipped alone.

Which posts: new ones (no mapping yet) that are live at birth (``publish``, ``private``) or
drafts (``draft``, ``pending``). Scheduled posts (``future``) take the one-at-a-time path,
through Wagtail's publishing, which records their approved go-live time.
"""

from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from broadsheet.core.models import SiteSettings
from broadsheet.wordpress import parse
from broadsheet.wordpress.actions import pagerows, posts, redirects
from broadsheet.wordpress.actions.comments import import_comments
from broadsheet.wordpress.context import ImportContext
from broadsheet.wordpress.models import Kind

BATCHED = posts.PUBLISHED | posts.DRAFT


def batchable(ctx: ImportContext, item: parse.Item) -> bool:
    """Whether the item is a post this module writes (else :func:`posts.import_entry`)."""
    return item.type == "post" and item.status in BATCHED and ctx.known(Kind.POST, item.id) is None


def import_new_posts(ctx: ImportContext, items: list[parse.Item]) -> None:
    """Write the posts (all :func:`batchable`) with everything that comes with them."""
    words_per_minute = SiteSettings.for_site(ctx.site).words_per_minute
    taken: dict[int, set[str]] = {}  # parent → slugs given in this batch
    prepared: list[posts.Prepared] = []
    for item in items:
        ready = posts.prepare(ctx, Kind.POST, item, None, taken=taken)
        _derive(ready.page, words_per_minute)
        prepared.append(ready)
    pagerows.insert_pages([pagerows.NewPage(p.parent, p.page) for p in prepared])
    ctx.remember_new(Kind.POST, [(p.item.id, p.page.pk, posts.digest(p.item)) for p in prepared])
    for ready in prepared:
        posts.finish(ctx, ready)
    entries = [(p.item, p.page) for p in prepared]
    redirects.redirect_items(ctx, entries)
    import_comments(ctx, entries, new_articles=True)


def _derive(page: ArticlePage, words_per_minute: int) -> None:
    """What ``ArticlePage.save()`` sets on a new page: reading time, word count and, live, the
    text's fingerprint and a publication date (the first publication's by default)."""
    page.reading_minutes = page.compute_reading_minutes(words_per_minute=words_per_minute)
    page.word_count = page.compute_word_count()
    if page.live:
        page.published_digest = page.text_digest()
        if page.first_published_at is None:
            page.first_published_at = page.last_published_at = timezone.now()
        if page.published_at is None:
            page.published_at = page.first_published_at
