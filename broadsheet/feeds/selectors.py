"""What goes into a feed: live, public articles of a scope, newest first, fetched in bulk."""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.query import PageQuerySet

from broadsheet.articles.models import HERO_SPEC, ArticleAuthor, ArticlePage, ArticleTag, Author

FEED_SIZE = 30


def articles_for_feed(root: Page, *, full_text: bool = False) -> PageQuerySet:
    """Live, public articles under ``root`` with bylines, tags and hero renditions prefetched.

    The query count does not depend on how many articles there are. With ``full_text`` the
    bodies are loaded too (``broadsheet.feeds.content`` renders them in bulk).
    """
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=HERO_SPEC)
    articles = (
        ArticlePage.objects.for_listing()
        .descendant_of(root)
        .prefetch_related(
            Prefetch(
                "tagged_items",
                queryset=ArticleTag.objects.select_related("tag").order_by("tag__name"),
            ),
            Prefetch(
                "hero_image__renditions", queryset=renditions, to_attr="prefetched_renditions"
            ),
        )
    )
    if full_text:
        articles = articles.defer(None)
    return articles


def by_author(articles: PageQuerySet, author: Author) -> PageQuerySet:
    """Articles with ``author`` anywhere in the byline."""
    return articles.filter(pk__in=ArticleAuthor.objects.filter(author=author).values("article_id"))


def by_tag_slug(articles: PageQuerySet, slug: str) -> PageQuerySet:
    """Articles tagged with the topic whose slug is ``slug``."""
    return articles.filter(
        pk__in=ArticleTag.objects.filter(tag__slug=slug).values("content_object_id")
    )
