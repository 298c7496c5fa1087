"""The comments feed of one article: its visible comments, newest first."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404, HttpRequest
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from wagtail.models import Site

from broadsheet.articles.models import ArticlePage
from broadsheet.articles.selectors import public_articles
from broadsheet.caching import keys
from broadsheet.comments import keys as comment_keys
from broadsheet.comments.models import Comment
from broadsheet.core.absolute import absolute_url, page_url
from broadsheet.feeds.feeds import BroadsheetFeed, stable_guid
from broadsheet.feeds.generators import Byline

COMMENT_FEED_SIZE = 50


class CommentFeed(BroadsheetFeed):
    """Approved comments on a live, public article (``Comment.objects.visible()``)."""

    def get_object(self, request: HttpRequest, *, article_id: int, **kwargs) -> ArticlePage:
        site = Site.find_for_request(request)
        article = (
            public_articles(request)
            .descendant_of(site.root_page)
            .defer_streamfields()
            .filter(pk=article_id)
            .first()
            if site
            else None
        )
        if article is None:
            raise Http404("No such article.")
        return article

    def title(self, obj: ArticlePage) -> str:
        return _("Comments on “%(headline)s”") % {"headline": obj.title}

    def link(self, obj: ArticlePage) -> str:
        return f"{page_url(self.request, obj)}#comments"

    def description(self, obj: ArticlePage) -> str:
        return _("What readers of %(site)s say about “%(headline)s”.") % {
            "site": self.site_name(),
            "headline": obj.title,
        }

    def items(self, obj: ArticlePage) -> list[Comment]:
        keys.add(keys.page(obj.pk), comment_keys.of_article(obj.pk))
        comments = Comment.objects.visible().for_article(obj).order_by("-created_at", "-pk")
        return list(comments[:COMMENT_FEED_SIZE])

    def item_title(self, item: Comment) -> str:
        return _("Comment by %(name)s") % {"name": item.name}

    def item_link(self, item: Comment) -> str:
        return absolute_url(self.request, item.get_absolute_url())

    def item_guid(self, item: Comment) -> str:
        return stable_guid(self.request, "comment", item.pk, item.created_at)

    item_guid_is_permalink = False

    def item_description(self, item: Comment) -> str:
        return linebreaks(item.text, autoescape=True)

    def item_pubdate(self, item: Comment) -> datetime:
        return item.created_at

    def item_updateddate(self, item: Comment) -> datetime:
        return item.edited_at or item.created_at

    def item_extra_kwargs(self, item: Comment) -> dict:
        return {"authors": [Byline(item.name)], "content_text": item.text}
