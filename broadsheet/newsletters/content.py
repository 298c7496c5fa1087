"""What an edition shows: its articles (chosen, or found for an automatic digest) as the
plain facts an email prints, read once per edition whatever the number of recipients."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Q, QuerySet

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.selectors import public_articles
from broadsheet.newsletters.models import Edition, Newsletter, Scope

IMAGE_SPEC = "fill-1200x675"


@dataclass(frozen=True)
class Teaser:
    headline: str
    url: str
    standfirst: str
    byline: str
    reading_minutes: int
    image_url: str = ""
    image_alt: str = ""


@dataclass(frozen=True)
class Block:
    """One thing in an edition, in order: an article's teaser or a free text block."""

    teaser: Teaser | None = None
    heading: str = ""
    html: str = ""


def site_url(path: str) -> str:
    """Everything in an email is absolute: mail clients have no page to resolve against."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def new_articles(newsletter: Newsletter, *, since: datetime | None, until: datetime) -> QuerySet:
    """Public articles in the newsletter's selection published after ``since`` up to
    ``until``, newest first, at most ``max_articles``."""
    articles = public_articles(None).filter(published_at__lte=until)
    if since is not None:
        articles = articles.filter(published_at__gt=since)
    if newsletter.scope == Scope.SECTIONS:
        sections = list(newsletter.sections.all())
        if not sections:
            return articles.none()
        within = Q()
        for section in sections:
            within |= Q(path__startswith=section.path)
        articles = articles.filter(within)
    elif newsletter.scope == Scope.TAGS:
        articles = articles.filter(tags__name__in=newsletter.tag_names).distinct()
    elif newsletter.scope == Scope.STORY:
        articles = (
            articles.filter(story=newsletter.story) if newsletter.story_id else articles.none()
        )
    return articles.order_by("-published_at", "-pk")[: newsletter.max_articles]


def blocks_of(edition: Edition) -> list[Block]:
    """The edition's blocks, with each chosen article read in one query for all of them."""
    ids = [
        b.value["article"].pk
        for b in edition.content
        if b.block_type == "article" and b.value["article"]
    ]
    articles = {
        a.pk: a for a in ArticlePage.objects.for_listing(public_articles(None).filter(pk__in=ids))
    }
    found = []
    for block in edition.content:
        if block.block_type == "text":
            found.append(Block(heading=block.value["heading"], html=str(block.value["text"])))
            continue
        chosen = block.value["article"]
        article = articles.get(chosen.pk) if chosen else None
        if article is not None:  # unpublished since it was chosen: left out of the email
            found.append(Block(teaser=teaser(article, block.value["teaser"])))
    return found


def teaser(article: ArticlePage, text: str = "") -> Teaser:
    names = [link.author.name for link in article.article_authors.all()]
    byline = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)
    image_url = image_alt = ""
    if article.hero_image:
        image_url = site_url(article.hero_image.get_rendition(IMAGE_SPEC).url)
        image_alt = article.hero_image.description
    return Teaser(
        headline=article.title,
        url=site_url(article.url),
        standfirst=text or article.standfirst,
        byline=byline,
        reading_minutes=article.reading_minutes,
        image_url=image_url,
        image_alt=image_alt,
    )
