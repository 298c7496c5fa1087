"""The reader's search form: words, a section and a date range, all in the query string."""

from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from broadsheet.articles.models import SectionPage
from broadsheet.core.models import DEFAULT_DATE_FORMAT
from broadsheet.site.dates import ISO, entry_format
from broadsheet.site.search import MAX_QUERY_LENGTH, SearchFilters

# A day as an example in error messages, shown in the site's entry format.
EXAMPLE_DAY = date(2025, 12, 6)


class SearchForm(forms.Form):
    """The search form. Dates are typed in the site's date format (see ``dates.py``) or ISO."""

    q = forms.CharField(label=_("Search for"), required=False, max_length=MAX_QUERY_LENGTH)
    section = forms.ChoiceField(label=_("Section"), required=False)
    since = forms.DateField(label=_("From"), required=False)
    until = forms.DateField(label=_("To"), required=False)

    def __init__(
        self,
        *args,
        sections: list[SectionPage],
        date_format: str = DEFAULT_DATE_FORMAT,
        **kwargs,
    ) -> None:
        kwargs.setdefault("auto_id", "search-%s")
        super().__init__(*args, **kwargs)
        self.sections = {section.slug: section for section in sections}
        self.fields["section"].choices = [
            ("", _("All sections")),
            *((section.slug, section.title) for section in sections),
        ]
        entry = entry_format(date_format)
        invalid = _("Enter the date as %(format)s, for example %(example)s.") % {
            "format": entry.placeholder,
            "example": EXAMPLE_DAY.strftime(entry.pattern),
        }
        for name in ("since", "until"):
            field = self.fields[name]
            field.input_formats = [entry.pattern, ISO]
            field.error_messages["invalid"] = invalid
            field.widget = forms.DateInput(
                format=entry.pattern,
                attrs={"placeholder": entry.placeholder, "autocomplete": "off", "size": 12},
            )

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
