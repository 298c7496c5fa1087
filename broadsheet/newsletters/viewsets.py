"""The Newsletters menu of the admin: newsletters, editions (with their ledger's counts),
subscribers."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from broadsheet.newsletters.models import DeliveryStatus, Edition, Newsletter, Subscriber

PERMISSION = "newsletters.change_edition"


class NewsletterIndex(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(subscribers=Count("subscriptions"))


class EditionIndex(IndexView):
    """Each edition with its ledger's counts: one query for the page, whatever its size."""

    def get_base_queryset(self):
        counted = {
            "recipients": Count("deliveries"),
            "sent": Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
            "failed": Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
            "bounced": Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.BOUNCED)),
            "unsubscribed": Count(
                "deliveries", filter=Q(deliveries__unsubscribed_at__isnull=False)
            ),
            "opened": Count("deliveries", filter=Q(deliveries__opened_at__isnull=False)),
            "clicked": Count("deliveries", filter=Q(deliveries__clicks__gt=0)),
        }
        return super().get_base_queryset().select_related("newsletter").annotate(**counted)


class NewsletterViewSet(ModelViewSet):
    model = Newsletter
    icon = "mail"
    menu_label = "Newsletters"
    list_display = [
        "name",
        "cadence",
        "scope",
        "active",
        Column("subscribers", label="Subscribers"),
    ]
    search_fields = ["name", "slug"]
    index_view_class = NewsletterIndex


class CountsColumn(Column):
    """Recipients, sent, failed, bounced, unsubscribed (and opened and clicked, when counted)."""

    def get_value(self, instance):
        text = (
            f"{instance.recipients} recipients · {instance.sent} sent · {instance.failed} failed"
            f" · {instance.bounced} bounced · {instance.unsubscribed} unsubscribed"
        )
        if instance.opened or instance.clicked:
            text += f" · {instance.opened} opened · {instance.clicked} clicked"
        return text


class ActionsColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">Preview and send</a>',
            reverse("newsletter_admin:edition", args=[instance.pk]),
        )


class EditionViewSet(ModelViewSet):
    model = Edition
    icon = "mail"
    menu_label = "Editions"
    list_display = [
        "subject",
        "newsletter",
        "kind",
        "status",
        "finished_at",
        CountsColumn("counts", label="Ledger"),
        ActionsColumn("actions", label=""),
    ]
    list_filter = ["newsletter", "status", "kind"]
    search_fields = ["subject"]
    index_view_class = EditionIndex


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "user"
    menu_label = "Subscribers"
    list_display = ["email", "confirmed_at", "paused", "suppressed_reason", "bounce_count"]
    list_filter = ["paused", "suppressed_reason"]
    search_fields = ["email"]
    form_fields = ["email", "paused", "suppressed_at", "suppressed_reason", "bounce_count"]


class NewslettersGroup(ModelViewSetGroup):
    menu_label = "Newsletters"
    menu_icon = "mail"
    menu_order = 250
    items = (
        NewsletterViewSet("newsletter_lists"),
        EditionViewSet("newsletter_editions"),
        SubscriberViewSet("newsletter_subscribers"),
    )
