"""An editor's steps in Wagtail's admin, as a person takes them in a browser.

Shared by the browser tests (``tests/browser/test_editors_day.py``) and the repeated
create-and-publish run in ``bench/editors_day.py``, so both drive the admin the same way.
Every step goes through what a person sees: labels, placeholders, buttons and menus.
"""

import re
from dataclasses import dataclass, field

from playwright.sync_api import Page, expect


@dataclass
class Story:
    """What an editor types in for one article."""

    headline: str
    standfirst: str
    paragraphs: list[str]
    author: str
    published: str = ""  # as the date picker takes it, e.g. "2025-12-06 10:30"; empty: now
    tags: list[str] = field(default_factory=list)


def sign_in(page: Page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def open_new_article(page: Page, base_url: str, section_id: int) -> None:
    """The "Add child page" form for an article in the section with this page id."""
    page.goto(f"{base_url}/admin/pages/add/articles/articlepage/{section_id}/")
    expect(page.get_by_placeholder("Headline*")).to_be_visible()


def fill_story(page: Page, story: Story) -> None:
    """Type the story in the way an editor does: no slug, the byline from the chooser."""
    headline = page.get_by_placeholder("Headline*")
    headline.click()
    headline.press_sequentially(story.headline)
    headline.blur()
    page.locator("#id_standfirst").fill(story.standfirst)
    page.get_by_role("button", name="Choose author").first.click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=story.author, exact=True).click()
    expect(modal).to_be_hidden()
    # The chooser shows the name it took: only then is the byline filled in.
    expect(page.locator("[data-chooser-title]").get_by_text(story.author).first).to_be_visible()
    if story.published:
        date = page.locator("#id_published_at")
        date.fill(story.published)
        date.press("Escape")  # close the date picker
    for text in story.paragraphs:
        add_paragraph(page, text)
    for tag in story.tags:
        tags = page.locator("ul.tagit input").first  # the tag widget's own text box
        tags.click()
        tags.press_sequentially(tag)
        tags.press("Enter")


def add_paragraph(page: Page, text: str) -> None:
    body = page.locator("#panel-child-content-body-content")
    editors = body.locator("[role=textbox][contenteditable=true]")
    before = editors.count()
    # The body's "+" opens the block menu; later blocks go after the last one.
    adders = body.locator("button[title='Insert a block'], .c-sf-add-button")
    adders.last.click()
    page.get_by_role("option", name="Paragraph").first.click()
    # Type only once the new block's editor is there, or the words land in the one before.
    expect(editors).to_have_count(before + 1)
    editor = editors.last
    editor.click()
    editor.press_sequentially(text)
    # The rich-text editor copies what was typed into the form a moment later (Draftail saves
    # its state every 250 ms); a person never beats it to the Publish button, a script can.
    page.wait_for_function(
        """text => [...document.querySelectorAll('input[name^="body-"][name$="-value"]')]
            .some(input => input.value.includes(text))""",
        arg=text,
    )


def publish(page: Page, *, button: str = "Publish", expected: str = "published") -> None:
    """Open the action menu beside "Save draft" and publish; wait for the admin to say so."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=button, exact=True).click()
    expect(page.locator(".messages")).to_contain_text(expected, ignore_case=True)


def page_id_from_url(url: str) -> int:
    found = re.search(r"/admin/pages/(\d+)/", url)
    assert found, url
    return int(found[1])


def schedule(page: Page, go_live: str) -> None:
    """Set a go-live time in the Status side panel, then publish: the article waits for it."""
    page.get_by_role("button", name="Toggle status").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").first.click()
    field = page.locator("#id_go_live_at")
    field.fill(go_live)
    # Picking the time, as a person does, closes the picker.
    page.locator(".xdsoft_datetimepicker:visible .xdsoft_time.xdsoft_current").click()
    page.get_by_role("button", name="Save schedule").click()
    # It saves the draft ("created" if this was its first save, "updated" after that).
    expect(page.locator(".messages")).to_contain_text(re.compile("created|updated", re.I))
    publish(page, button="Schedule to publish", expected="scheduled")


def add_correction(page: Page, text: str) -> None:
    page.locator("#id_corrections-ADD").click()
    page.locator("textarea[id^=id_corrections-][id$=-text]").last.fill(text)


def unpublish(page: Page, base_url: str, page_id: int) -> None:
    """The header menu's "Unpublish", then the confirmation."""
    page.goto(f"{base_url}/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("link", name="Unpublish").click()
    page.get_by_role("button", name=re.compile("unpublish", re.I)).first.click()
    expect(page.locator(".messages")).to_contain_text("unpublished", ignore_case=True)


def find_in_admin(page: Page, base_url: str, words: str) -> None:
    """Search the admin's Articles listing the way an editor does: type, press Enter."""
    page.goto(f"{base_url}/admin/articles/")
    search = page.locator("input[name=q]").first
    search.fill(words)
    search.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
