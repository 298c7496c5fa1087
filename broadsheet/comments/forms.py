"""Reader-facing forms. The comment form carries a signed timestamp and a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from broadsheet.comments.models import Report
from broadsheet.comments.pipeline.honeypot import FIELD_NAME as HONEYPOT_FIELD


class CommentForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=80, required=False)
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Never shown. Used only for reply notifications you ask for."),
    )
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 6}))
    notify_replies = forms.BooleanField(label=_("Notify me of replies"), required=False)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    token = forms.CharField(required=False, widget=forms.HiddenInput)
    website = forms.CharField(label=_("Leave this empty"), required=False)

    def __init__(self, *args, user=None, max_length: int = 5000, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        self.fields["text"].max_length = max_length
        self.fields["text"].widget.attrs["maxlength"] = str(max_length)
        if self.user is None:
            self.fields["name"].required = True
            self.fields["email"].required = True

    @property
    def honeypot(self) -> str:
        return self.cleaned_data.get(HONEYPOT_FIELD, "")


class EditForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 6}))


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this comment?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Anything else (optional)"), max_length=500, required=False)
