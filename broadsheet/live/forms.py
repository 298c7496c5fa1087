"""The compose form: an entry's fields with the admin's own widgets (the StreamField editor
for the body, the date-time picker)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from broadsheet.live.entries import LiveEntry


class EntryForm(WagtailAdminModelForm):
    published_at = forms.DateTimeField(
        label=_("Time"),
        required=False,
        help_text=_("Leave empty to post now. A time still to come schedules the entry."),
    )

    class Meta:
        model = LiveEntry
        fields = [
            "title",
            "body",
            "authors",
            "published_at",
            "key_event",
            "pinned",
            "correction",
        ]
        widgets = {"authors": forms.CheckboxSelectMultiple}
