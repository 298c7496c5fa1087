"""A live blog in a real browser (Debian's Chromium via Playwright): an entry posted while the
page is open reaches a reader with JavaScript without a reload, and a reader without
JavaScript on reloading."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import new_context
from tests.live.conftest import make_blog, post

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def blog(live_server):
    section = factories.make_section(factories.make_home(), title="Weather", slug="weather")
    blog = make_blog(section)
    post(
        blog, "Gusts of fifty knots at the breakwater; the Holm ferry stays in port.", minutes_ago=5
    )
    return blog


def test_a_reader_with_javascript_sees_a_new_entry_without_reloading(live_server, chromium, blog):
    page = new_context(chromium).new_page()
    page.goto(live_server.url + blog.url)
    expect(page.locator(".live-entry")).to_have_count(1)
    page.evaluate("() => { window.stillTheSamePage = true; }")

    entry = post(blog, "The harbour master has closed the inner basin to small boats.")

    # The page asks every 15 s; the bound is generous, the outcome is what is checked.
    new = page.locator(f"#entry-{entry.pk}")
    expect(new).to_be_visible()
    expect(new).to_contain_text("closed the inner basin")
    expect(page.locator(".live-entry")).to_have_count(2)
    assert page.locator(".live-entry").first.get_attribute("id") == f"entry-{entry.pk}"
    assert page.evaluate("() => window.stillTheSamePage") is True, "the page was reloaded"


def test_a_reader_without_javascript_sees_it_on_reloading(live_server, chromium, blog):
    page = new_context(chromium, java_script_enabled=False).new_page()
    page.goto(live_server.url + blog.url)
    expect(page.locator(".live-entry")).to_have_count(1)

    entry = post(blog, "Sandbags are being handed out at the Chandler Street depot.")
    assert page.locator(f"#entry-{entry.pk}").count() == 0

    page.reload()
    expect(page.locator(f"#entry-{entry.pk}")).to_contain_text("Chandler Street depot")
    expect(page.locator(".live-entry")).to_have_count(2)
