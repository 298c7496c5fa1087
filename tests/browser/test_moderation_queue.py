"""The moderation queue in Chromium: it fits a laptop and a phone, and works from the keyboard."""

import pytest
from playwright.sync_api import Page, expect

from broadsheet.comments.models import Comment, CommentState
from tests import factories
from tests.browser.conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "harbour-lights"


@pytest.fixture
def queue_url(live_server, django_user_model) -> str:
    home = factories.make_home()
    article = factories.make_article(
        factories.make_section(home),
        title="Council orders an independent review of the Lower Quay flood defences",
        authors=[factories.make_author()],
    )
    for n in range(4):
        Comment.objects.create(
            article=article,
            name=f"Reader number {n}",
            email=f"a.rather.long.address.{n}@reader-mail.example",
            text="The barriers on Wharf Road were overtopped twice this winter. " * (n + 1),
        )
    django_user_model.objects.create_superuser("moira", "moira@courier.example", PASSWORD)
    return live_server.url + "/admin/comments/queue/pending/"


def sign_in(page: Page, queue_url: str) -> None:
    page.goto(queue_url)
    page.fill("input[name=username]", "moira")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(queue_url)


def shortcuts_ready(page: Page) -> None:
    """The queue's shortcuts are listening: keys pressed before its script ran do nothing."""
    expect(page.locator("[data-comment-queue][data-shortcuts-ready]")).to_have_count(1)


def fits(page: Page, selector: str) -> bool:
    """Every match lies within the window's width, and the page does not scroll sideways."""
    rights = page.locator(selector).evaluate_all(
        "els => els.map(el => el.getBoundingClientRect().right)"
    )
    width = page.evaluate("window.innerWidth")
    scrolls = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    return bool(rights) and max(rights) <= width and not scrolls


@pytest.mark.parametrize("width", [1280, 390])
def test_the_queue_fits_the_screen_with_every_action_in_reach(open_page, queue_url, width):
    page = open_page(width=width, height=1600)
    sign_in(page, queue_url)
    screenshot(page, f"moderation-queue-{width}")
    assert fits(page, ".comment-queue-filters input"), "the filters overflow"
    assert fits(page, ".comment-queue__actions button"), "row actions are out of reach"
    tops = page.locator(".comment-queue-filters input").evaluate_all(
        "els => els.map(el => Math.round(el.getBoundingClientRect().top))"
    )
    if width == 390:
        assert tops == sorted(tops) and len(set(tops)) == len(tops), "filters should stack"
    else:
        assert len(set(tops)) <= 2, f"filters misaligned: {tops}"

    # One row at a time, by its own buttons: approve the first, reject the next.
    rows = page.locator("tr[data-comment-row]")
    first, second = (int(rows.nth(i).get_attribute("data-comment-row")) for i in range(2))
    rows.nth(0).get_by_role("button", name="Approve").click()
    expect(page.get_by_text("1 comment approved.")).to_be_visible()
    page.locator(f"tr[data-comment-row='{second}']").get_by_role("button", name="Reject").click()
    expect(page.get_by_text("1 comment rejected.")).to_be_visible()
    assert Comment.objects.get(pk=first).state == CommentState.APPROVED
    assert Comment.objects.get(pk=second).state == CommentState.REJECTED


def test_moderators_move_through_the_queue_with_the_keyboard(open_page, queue_url):
    page = open_page(width=1280)
    sign_in(page, queue_url)
    rows = page.locator("tr[data-comment-row]")
    first, second = (int(rows.nth(i).get_attribute("data-comment-row")) for i in range(2))

    shortcuts_ready(page)
    search = page.locator(".comment-queue-filters input[name=q]")
    search.press("a")  # typing in a field is not a shortcut
    expect(search).to_have_value("a")
    search.fill("")
    page.locator("h1").click()
    page.keyboard.press("j")
    expect(rows.nth(0)).to_be_focused()
    page.keyboard.press("j")
    page.keyboard.press("k")
    page.keyboard.press("j")
    expect(rows.nth(1)).to_be_focused()
    page.keyboard.press("x")
    expect(rows.nth(1).locator("input[name=ids]")).to_be_checked()
    page.keyboard.press("a")
    expect(page.get_by_text("1 comment approved.")).to_be_visible()
    shortcuts_ready(page)
    assert Comment.objects.get(pk=second).state == CommentState.APPROVED
    assert Comment.objects.get(pk=first).state == CommentState.PENDING

    page.keyboard.press("j")
    page.keyboard.press("s")
    expect(page.get_by_text("1 comment marked as spam.")).to_be_visible()
    assert Comment.objects.get(pk=first).state == CommentState.SPAM
