"""Finding articles in the admin: a listing of every article, searched in full text, filtered.

Wagtail's own page search (the sidebar's search box, /admin/pages/search/) matches the
beginnings of words in page titles only (``autocomplete``), so it misses what an article
says, who wrote it and how it is tagged. **Articles** (/admin/articles/) searches what the
public search searches (headline, standfirst, body, tag names, author names), every word must
match, results ranked by relevance unless a column is sorted, and filters by section, author,
status, publication and update date. Filters use only fields the search index can filter on
(``FilterField``) or ``id__in`` a subquery, as Wagtail's own page filters do, so they work on
every search backend.
"""

import django_filters
from django import forms
from django.db.models import IntegerField, Prefetch, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.search import SearchArea
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
    ParentPageColumn,
)
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Revision
from wagtail.search.utils import parse_query_string

from broadsheet.articles.models import ArticleAuthor, ArticlePage, Author, SectionPage

LIVE, DRAFT, SCHEDULED = "live", "draft", "scheduled"


def scheduled_page_ids() -> QuerySet:
    """Ids of pages with a revision approved to go live later (Wagtail's "scheduled")."""
    return (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .values("page_id")
    )


class ArticleFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        queryset=lambda request: SectionPage.objects.order_by("path"),
        method="filter_section",
    )
    author = django_filters.ModelChoiceFilter(
        label=_("Author"), queryset=Author.objects.order_by("name"), method="filter_author"
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[(LIVE, _("Live")), (DRAFT, _("Draft")), (SCHEDULED, _("Scheduled"))],
        empty_label=_("Any"),
        widget=forms.RadioSelect,
        method="filter_status",
    )
    published_at = django_filters.DateFromToRangeFilter(
        label=_("Publication date"), widget=DateRangePickerWidget
    )
    latest_revision_created_at = django_filters.DateFromToRangeFilter(
        label=_("Date updated"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ArticlePage
        fields: list[str] = []

    def filter_section(self, articles: QuerySet, name: str, section: SectionPage) -> QuerySet:
        return articles.descendant_of(section)

    def filter_author(self, articles: QuerySet, name: str, author: Author) -> QuerySet:
        bylines = ArticleAuthor.objects.filter(author=author).values("article_id")
        return articles.filter(id__in=bylines)

    def filter_status(self, articles: QuerySet, name: str, status: str) -> QuerySet:
        if status == LIVE:
            return articles.filter(live=True)
        if status == SCHEDULED:
            return articles.filter(id__in=scheduled_page_ids())
        return articles.filter(live=False).exclude(id__in=scheduled_page_ids())


class BylineColumn(Column):
    """The article's authors, in byline order (prefetched by the view)."""

    def get_value(self, instance: ArticlePage) -> str:
        return ", ".join(link.author.name for link in instance.article_authors.all())


class ArticleIndexView(IndexView):
    def get_base_queryset(self) -> QuerySet:
        bylines = ArticleAuthor.objects.select_related("author").order_by("sort_order")
        return (
            super()
            .get_base_queryset()
            .prefetch_related(Prefetch("article_authors", queryset=bylines))
        )

    def search_queryset(self, queryset: QuerySet):
        # Whole words in every field the article indexes, not title prefixes (autocomplete).
        # Wagtail's parser makes "quoted words" a phrase and keeps stray quotes and the
        # database's query syntax out of the query; its key:value filters are left unused.
        if not self.is_searching:
            return queryset
        _filters, query = parse_query_string(self.search_query, operator="and")
        return queryset.search(query, order_by_relevance=not self.is_explicitly_ordered)


class ArticleListingViewSet(PageListingViewSet):
    model = ArticlePage
    name = "articles"
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Headline"), sort_key="title", classname="title"),
        ParentPageColumn("parent", label=_("Section")),
        BylineColumn("byline", label=_("Authors")),
        PageStatusColumn("status", label=_("Status"), sort_key="live", width="12%"),
        DateColumn("published_at", label=_("Published"), sort_key="published_at", width="12%"),
        DateColumn(
            "latest_revision_created_at",
            label=_("Updated"),
            sort_key="latest_revision_created_at",
            width="12%",
        ),
    ]


class ArticleSearchArea(SearchArea):
    """ "Articles" among the admin search's other areas: the same words, searched in full text."""

    def __init__(self, url: str) -> None:
        super().__init__(_("Articles"), url, name="articles", icon_name="doc-full", order=110)

    def is_shown(self, request) -> bool:
        return user_has_any_page_permission(request.user)


class PageSearchView(SearchView):
    """Wagtail's page search, naming what it counts ("1-1 of 1 page", not "… of 1 None")."""

    verbose_name = _("page")
    verbose_name_plural = _("pages")


article_listing = ArticleListingViewSet()
