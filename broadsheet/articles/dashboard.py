"""Dashboard panels about articles: the editor's own drafts and what is scheduled to go live.

Wagtail's own dashboard panels stay beside them: pages awaiting the editor's review and the
editor's pages in a workflow, their most recent edits and their locked pages. Each panel here
is one query, whatever the number of articles.
"""

from collections.abc import Mapping
from typing import Any

from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Revision

from broadsheet.articles.admin_search import DRAFT, SCHEDULED, scheduled_page_ids
from broadsheet.articles.models import ArticlePage

SHOWN = 5  # rows per panel; the link under it opens the whole list


def drafts_of(user: Any, *, limit: int = SHOWN) -> list[ArticlePage]:
    """Articles the user created that are neither live nor scheduled, last changed first."""
    return list(
        ArticlePage.objects.filter(owner=user, live=False)
        .exclude(id__in=scheduled_page_ids())
        .defer_streamfields()
        .order_by("-latest_revision_created_at", "-pk")[:limit]
    )


def scheduled_articles(*, limit: int = SHOWN) -> list[ArticlePage]:
    """Articles with a revision approved to go live later, soonest first (``go_live_at``)."""
    go_live = (
        Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        )
        .order_by("approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )
    articles: QuerySet = (
        ArticlePage.objects.annotate(go_live_at_approved=Subquery(go_live))
        .filter(go_live_at_approved__isnull=False)
        .defer_streamfields()
        .order_by("go_live_at_approved", "pk")
    )
    return list(articles[:limit])


class MyDraftsPanel(Component):
    name = "my_article_drafts"
    template_name = "articles/admin/my_drafts_panel.html"
    order = 150  # above Wagtail's workflow (210, 220) and recent-edits (250) panels

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        return {
            "drafts": drafts_of(parent_context["request"].user),
            "all_url": f"{reverse('articles:index')}?status={DRAFT}",
        }


class ScheduledArticlesPanel(Component):
    name = "scheduled_articles"
    template_name = "articles/admin/scheduled_panel.html"
    order = 160

    def get_context_data(self, parent_context: Mapping[str, Any]) -> Mapping[str, Any]:
        return {
            "articles": scheduled_articles(),
            "all_url": f"{reverse('articles:index')}?status={SCHEDULED}",
        }
