"""The reader's search form: words, a section and a date range, all in the query string."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from broadsheet.articles.models import SectionPage
from broadsheet.site.search import MAX_QUERY_LENGTH, SearchFilters


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=MAX_QUERY_LENGTH)
    section = forms.ChoiceField(label=_("Section"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DateInput())
    until = forms.DateField(label=_("To"), required=False, widget=DateInput())

    def __init__(self, *args, sections: list[SectionPage], **kwargs) -> None:
        kwargs.setdefault("auto_id", "search-%s")
        super().__init__(*args, **kwargs)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [
            ("", _("All sections")),
            *((section.slug, section.title) for section in sections),
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The start date is after the end date."))
        return cleaned

    def filters(self) -> SearchFilters:
        """The filters of a valid form; dates are whole days in the site's time zone."""
        data = self.cleaned_data
        return SearchFilters(
            section=self.sections.get(data.get("section") or ""),
            since=_start_of(data["since"]) if data.get("since") else None,
            until=_start_of(data["until"] + timedelta(days=1))
            if data.get("until") and data["until"] < date.max
            else None,
        )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())
