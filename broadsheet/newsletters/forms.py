from django import forms

from broadsheet.newsletters.models import Newsletter
from broadsheet.newsletters.traps import HONEYPOT


class SignUpForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Newsletters",
        error_messages={"required": "Choose at least one newsletter."},
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = Newsletter.objects.offered()
        self.honeypot = str(self.data.get(HONEYPOT, "")) if self.is_bound else ""


class PreferencesForm(forms.Form):
    newsletters = forms.ModelMultipleChoiceField(
        queryset=Newsletter.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Send me",
    )
    paused = forms.BooleanField(required=False, label="Pause every newsletter for now")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].queryset = Newsletter.objects.offered()
