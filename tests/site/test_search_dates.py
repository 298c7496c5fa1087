"""Readers type search dates the way the site writes them, not in their browser's format."""

from datetime import UTC, datetime

import pytest
from wagtail.models import Site

from broadsheet.core.models import SiteSettings
from broadsheet.site.dates import entry_format
from tests.site.conftest import publish, soup

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("date_format", "pattern", "placeholder"),
    [
        ("d.m.Y", "%d.%m.%Y", "dd.mm.yyyy"),
        ("j. n. Y", "%d. %m. %Y", "d. m. yyyy"),
        ("m/d/y", "%m/%d/%y", "mm/dd/yy"),
        ("Y-m-d", "%Y-%m-%d", "yyyy-mm-dd"),
        (r"d \d\e m Y", "%d de %m %Y", "dd de mm yyyy"),
        # Month names depend on the language, and a format without a year names no day:
        ("N j, Y", "%Y-%m-%d", "yyyy-mm-dd"),
        ("l j F Y", "%Y-%m-%d", "yyyy-mm-dd"),
        ("d.m.", "%Y-%m-%d", "yyyy-mm-dd"),
    ],
)
def test_entry_format_follows_the_sites_numeric_date_format_else_iso(
    date_format, pattern, placeholder
):
    entry = entry_format(date_format)
    assert (entry.pattern, entry.placeholder) == (pattern, placeholder)


def _use_date_format(date_format: str) -> None:
    site = Site.objects.get(is_default_site=True)
    SiteSettings.objects.update_or_create(site=site, defaults={"date_format": date_format})


def _date_inputs(client, query: str = "") -> dict:
    form = soup(client, f"/search/{query}").select_one("form.search-form")
    return {name: form.find("input", attrs={"name": name}) for name in ("since", "until")}


def test_date_fields_are_text_inputs_showing_the_sites_format(client, newsroom):
    for field in _date_inputs(client).values():
        assert field["type"] == "text"
        assert field["placeholder"] == "dd.mm.yyyy"
    _use_date_format("m/d/Y")
    assert _date_inputs(client)["since"]["placeholder"] == "mm/dd/yyyy"
    _use_date_format("N j, Y")
    assert _date_inputs(client)["until"]["placeholder"] == "yyyy-mm-dd"


def test_dates_typed_in_the_sites_format_or_iso_filter_the_results(client, newsroom):
    publish(newsroom["city"], "Storm in March", at=datetime(2026, 3, 10, 12, tzinfo=UTC))
    publish(newsroom["city"], "Storm in May", at=datetime(2026, 5, 10, 12, tzinfo=UTC))

    def found(query):
        return [
            h.get_text()
            for h in soup(client, f"/search/?q=storm&{query}").select(".result__headline")
        ]

    assert found("since=01.05.2026") == ["Storm in May"]
    assert found("since=1.5.2026") == ["Storm in May"]
    assert found("until=10.03.2026") == ["Storm in March"]
    assert found("since=2026-05-01") == ["Storm in May"]
    inputs = _date_inputs(client, "?q=storm&since=1.5.2026")
    assert inputs["since"]["value"] == "1.5.2026"  # what the reader typed stays in the box


def test_a_date_in_another_format_is_refused_with_the_format_to_use(client, newsroom):
    publish(newsroom["city"], "Storm in May", at=datetime(2026, 5, 10, 12, tzinfo=UTC))
    html = soup(client, "/search/?q=storm&since=05/01/2026")
    field = html.find("input", attrs={"name": "since"})
    error = html.find(id=field["aria-describedby"])
    assert error.get_text(strip=True) == "Enter the date as dd.mm.yyyy, for example 06.12.2025."
    assert field["aria-invalid"] == "true"
    assert html.select(".result") == []
