"""Template helpers for the reader site: navigation, dates, and the blocks around an article."""

from dataclasses import dataclass, field
from datetime import datetime

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString
from taggit.models import Tag
from wagtail.models import Site

from broadsheet.articles import selectors
from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.articles.selectors import live_sections, related_articles, section_neighbours
from broadsheet.caching import edge, keys, lifetime
from broadsheet.core.models import DEFAULT_DATE_FORMAT, SiteSettings
from broadsheet.site import breaking
from broadsheet.site.share import ShareLink, share_links

register = template.Library()


@register.simple_tag(takes_context=True)
def breaking_news(context: template.Context) -> SafeString | str:
    """The breaking news banner while one runs: an edge include where the cache in front
    assembles pages, else the banner itself (see :mod:`broadsheet.site.breaking`)."""
    request = context.get("request")
    if request is None:
        return ""
    site = Site.find_for_request(request)
    banner = breaking.running(site.pk, request=request) if site is not None else None
    if banner is None:
        keys.add(breaking.KEY)  # the page shows that none runs: a banner set purges it
        return ""
    left = breaking.seconds_left(banner)
    if left is not None:
        lifetime.keep_at_most(request, left)
    if edge.assembles(request):
        keys.add(breaking.INCLUDED)  # a banner taken down purges it, a new one does not
        return edge.include(request, reverse("site:breaking"))
    keys.add(breaking.KEY)
    return render_to_string("site/includes/breaking.html", {"banner": banner})


@register.simple_tag(takes_context=True)
def site_sections(context: template.Context) -> list[SectionPage]:
    """The live sections, in the order editors arranged them in the page tree.

    Privacy restrictions are not checked here (that costs a query on every page); a restricted
    section still asks for its password or login when opened.
    """
    return live_sections(context.get("request"))


@register.simple_tag(takes_context=True)
def current_section_id(context: template.Context) -> int | str:
    """The page's id when it is one of the sections (the navigation marks it), else ``""``:
    what the shared masthead differs by."""
    page = context.get("page")
    pk = getattr(page, "pk", None)
    if pk is None:
        return ""
    return pk if any(s.pk == pk for s in live_sections(context.get("request"))) else ""


@register.simple_tag(takes_context=True)
def site_date(context: template.Context, value: datetime | None) -> str:
    """Format a date-time in the site's date format and time zone (set by the middleware)."""
    if value is None:
        return ""
    request = context.get("request")
    date_format = SiteSettings.for_request(request).date_format if request else DEFAULT_DATE_FORMAT
    return dateformat.format(timezone.localtime(value), date_format)


@register.simple_tag(takes_context=True)
def article_section(context: template.Context, article: ArticlePage) -> SectionPage | None:
    """The section an article belongs to, from the navigation's list (no query)."""
    return selectors.article_section(article, context.get("request"))


@dataclass
class ArticleExtras:
    topics: list[Tag] = field(default_factory=list)
    related: list[ArticlePage] = field(default_factory=list)
    previous: ArticlePage | None = None
    next: ArticlePage | None = None
    share: list[ShareLink] = field(default_factory=list)


@register.simple_tag(takes_context=True)
def article_extras(context: template.Context, page: ArticlePage) -> ArticleExtras:
    """Topics, related articles, previous/next in the section and share links for an article."""
    request = context.get("request")
    if not page.pk or not page.live:  # previews of unsaved or unpublished drafts
        return ArticleExtras()
    previous, following = section_neighbours(page, request)
    url = page.get_full_url(request) or ""
    return ArticleExtras(
        topics=page.topic_list,
        related=related_articles(page, request),
        previous=previous,
        next=following,
        share=share_links(url=url, title=page.title),
    )
