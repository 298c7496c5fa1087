"""Plain model screens inside the Wire menu: sources (with their health) and routing rules."""

from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from broadsheet.wire.models import RoutingRule, Source


class HealthColumn(Column):
    """Red when the source's alarm is raised, else when it last answered."""

    def get_value(self, instance):
        health = getattr(instance, "health", None)
        if health is None or health.last_polled_at is None:
            return "not polled yet"
        if health.alarm:
            return format_html('<strong style="color: #cd4444">Alarm: {}</strong>', health.alarm)
        if health.last_error:
            return format_html('<span style="color: #cd4444">{}</span>', health.last_error)
        return f"last success {health.last_success_at:%Y-%m-%d %H:%M}"


class SourceIndex(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("health")  # the health column


class SourceViewSet(ModelViewSet):
    model = Source
    index_view_class = SourceIndex
    icon = "rss"
    menu_label = "Sources"
    add_to_admin_menu = False
    list_display = ["name", "url", "format", "auto_publish", HealthColumn("health", label="Health")]
    search_fields = ["name", "url", "outlet"]


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    icon = "list-ol"
    menu_label = "Routing rules"
    add_to_admin_menu = False
    list_display = ["name", "source", "position", "section", "enabled"]
    form_fields = [
        "name",
        "source",
        "position",
        "enabled",
        "keywords",
        "subjects",
        "category",
        "max_urgency",
        "language",
        "pattern",
        "section",
        "add_tags",
        "breaking",
        "auto_publish",
        "drop",
    ]


source_viewset = SourceViewSet("wire_sources")
rule_viewset = RoutingRuleViewSet("wire_rules")
