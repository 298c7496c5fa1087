"""The subscription form: events as checkboxes, an address only http:// or https://."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from broadsheet.webhooks import events
from broadsheet.webhooks.models import Subscription


class SubscriptionForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=events.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one event to send."},
    )

    class Meta:
        model = Subscription
        fields = ["name", "url", "events", "active"]

    def clean_events(self) -> list[str]:
        # In the registry's order, whatever order the browser sent.
        chosen = set(self.cleaned_data["events"])
        return [name for name in events.EVENTS if name in chosen]
