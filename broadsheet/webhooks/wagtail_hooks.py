"""Webhook subscriptions in the admin (Settings → Webhooks), for the site's administrators."""

from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from broadsheet.webhooks import actions, views
from broadsheet.webhooks.forms import SubscriptionForm
from broadsheet.webhooks.models import Subscription


class StateColumn(Column):
    """Red when disabled or failing; else when it last delivered."""

    def get_value(self, instance: Subscription):
        if instance.disabled_at:
            return format_html(
                '<strong style="color: #cd4444">Disabled {:%Y-%m-%d %H:%M}: {}</strong>',
                instance.disabled_at,
                instance.disabled_reason,
            )
        if not instance.active:
            return "inactive"
        if instance.failing_since:
            return format_html(
                '<span style="color: #cd4444">failing since {:%Y-%m-%d %H:%M}</span>',
                instance.failing_since,
            )
        if instance.last_success_at:
            return f"delivered {instance.last_success_at:%Y-%m-%d %H:%M}"
        return "nothing sent yet"


class LogColumn(Column):
    def get_value(self, instance: Subscription):
        return format_html(
            '<a href="{}">Delivery log and secret</a>', reverse("webhooks:log", args=[instance.pk])
        )


class EventsColumn(Column):
    def get_value(self, instance: Subscription):
        return ", ".join(instance.event_labels())


class EditSubscriptionView(generic.EditView):
    def save_instance(self):
        was_disabled = Subscription.objects.filter(
            pk=self.object.pk, active=False, disabled_at__isnull=False
        ).exists()
        instance = super().save_instance()
        if was_disabled and instance.active:
            actions.reactivate(subscription=instance)
        return instance


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "link"
    menu_label = "Webhooks"
    add_to_settings_menu = True
    edit_view_class = EditSubscriptionView
    list_display = [
        "name",
        "url",
        EventsColumn("events", label="Events"),
        StateColumn("state", label="State"),
        LogColumn("log", label=""),
    ]

    def get_form_class(self, for_update: bool = False):
        return SubscriptionForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("log/<int:pk>/", views.log, name="log"),
            path("secret/<int:pk>/", views.new_secret, name="new_secret"),
        ]


@hooks.register("register_admin_viewset")
def register_webhooks():
    return SubscriptionViewSet("webhooks")
