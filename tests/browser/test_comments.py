"""Comments in a real browser (Debian's Chromium via Playwright): hostile text stays inert, and a
reader's comments travel through moderation into the thread, with and without JavaScript."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import expect

from broadsheet.articles.models import ArticlePage
from broadsheet.comments.models import Comment, CommentSettings, CommentState
from tests import factories
from tests.browser.conftest import new_context

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
PAYLOADS = [
    line
    for line in (Path(__file__).resolve().parents[1] / "fixtures" / "xss_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("# ")
]
# Any script that did run would call one of these or set the flag.
TRAP = """
window.__ran = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = (...args) => { window.__ran.push(name); };
}
"""


def test_page_full_of_hostile_comments_opens_no_dialog_and_runs_no_script(live_server, chromium):
    home = factories.make_home()
    article = factories.make_article(
        factories.make_section(home), title="Hostile input", authors=[factories.make_author()]
    )
    CommentSettings.objects.update_or_create(site=home.get_site(), defaults={"page_size": 1000})
    Comment.objects.bulk_create(
        Comment(article=article, name=p[:80], text=p, state=CommentState.APPROVED) for p in PAYLOADS
    )
    context = new_context(chromium)
    context.add_init_script(TRAP)
    page = context.new_page()
    dialogs, foreign = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    server = urlsplit(live_server.url).netloc
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc not in ("", server) and foreign.append(request.url)
        ),
    )
    page.goto(live_server.url + article.url)
    page.wait_for_load_state("networkidle")
    for item in page.locator(".comment__text").all()[:60]:
        item.hover()
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "comments-hostile-input.png")
    assert page.locator(".comment").count() == len(PAYLOADS)
    assert dialogs == []
    assert page.evaluate("window.__ran") == []
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert foreign == []
    context.close()


@pytest.fixture
def demo_article() -> ArticlePage:
    from broadsheet.demo.builder import build_demo

    build_demo()
    return ArticlePage.objects.get(slug="council-orders-flood-review")


@pytest.fixture
def quick_checks(settings):
    """The live checks, with flood control and the too-fast threshold shortened for a robot."""
    checks = []
    for check in django_settings.BROADSHEET_COMMENT_CHECKS:
        check = dict(check)
        if check["BACKEND"].endswith("RateLimitCheck"):
            check["MIN_INTERVAL"] = 0
        if check["BACKEND"].endswith("TimestampCheck"):
            check["MIN_SECONDS"] = 1
        checks.append(check)
    settings.BROADSHEET_COMMENT_CHECKS = checks


def fill(page, name: str, email: str, text: str, scope=None) -> None:
    scope = scope or page.locator("#comment-form")
    scope.locator("input[name=name]").fill(name)
    scope.locator("input[name=email]").fill(email)
    scope.locator("textarea[name=text]").fill(text)
    page.wait_for_timeout(1300)  # people take longer than the too-fast threshold


def test_reader_comments_and_replies_moderator_approves_reader_sees_thread(
    live_server, chromium, demo_article, quick_checks, django_user_model
):
    url = live_server.url + demo_article.url
    answered = Comment.objects.visible().get(article=demo_article, name="Devi Sandhu")

    # With JavaScript: a comment and a reply, both in place.
    reader = new_context(chromium, viewport={"width": 1100, "height": 1000}).new_page()
    reader.goto(url)
    fill(reader, "Orla Venn", "orla@reader.example", "The review should look at Tanner's Row too.")
    reader.locator("#comment-form button[type=submit]").click()
    expect(reader.locator("#comment-form [data-form-message]")).to_have_text(
        "Your comment is awaiting moderation."
    )
    assert reader.url == url  # no page load
    reader.locator(f"#comment-{answered.pk} .comment__reply").first.click()
    reply_form = reader.locator(f"#comment-{answered.pk} > form[data-comment-form]")
    # Nothing to say yet: the message box is truly empty, so the stylesheet hides it.
    assert reply_form.locator("[data-form-message]").evaluate("box => box.matches(':empty')")
    fill(reader, "Orla Venn", "orla@reader.example", "Thanks for the map link, Devi.", reply_form)
    reply_form.locator("button[type=submit]").click()
    notice = reader.locator(f"#comment-{answered.pk} > .comments__notice")
    expect(notice).to_have_text("Your comment is awaiting moderation.")
    expect(notice).to_be_focused()
    reader.screenshot(path=ARTIFACTS / "comments-1-posted-with-js.png", full_page=True)

    # Without JavaScript: post, redirect, the status page.
    plain = new_context(chromium, java_script_enabled=False).new_page()
    plain.goto(url)
    fill(plain, "Sol Brightwater", "sol@reader.example", "Publish the full report, please.")
    plain.locator("#comment-form button[type=submit]").click()
    expect(plain.locator(".comments__notice")).to_have_text("Your comment is awaiting moderation.")
    plain.screenshot(path=ARTIFACTS / "comments-2-posted-without-js.png", full_page=True)

    # A moderator approves all three in the admin.
    django_user_model.objects.create_superuser("moira", "moira@courier.example", "harbour-lights")
    admin = new_context(chromium, viewport={"width": 1400, "height": 1000}).new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.fill("input[name=username]", "moira")
    admin.fill("input[name=password]", "harbour-lights")
    admin.click("button[type=submit]")
    admin.goto(live_server.url + "/admin/comments/queue/pending/")
    ours = Comment.objects.filter(
        state=CommentState.PENDING, email__in=["orla@reader.example", "sol@reader.example"]
    )
    assert ours.count() == 3
    for comment in ours:
        admin.check(f"tr[data-comment-row='{comment.pk}'] input[name=ids]")
    admin.screenshot(path=ARTIFACTS / "comments-3-moderation-queue.png", full_page=True)
    admin.click("button[value=approve]")
    admin.wait_for_load_state()
    assert not Comment.objects.filter(pk__in=[c.pk for c in ours], state="pending").exists()

    # The reader sees them, the reply threaded under the comment it answers.
    reader.goto(url)
    thread = reader.locator(f"#comment-{answered.pk} .comment-list--replies")
    expect(thread).to_contain_text("Thanks for the map link, Devi.")
    expect(reader.locator("#comments")).to_contain_text("The review should look at Tanner's Row")
    expect(reader.locator("#comments")).to_contain_text("Publish the full report, please.")
    reader.locator(f"#comment-{answered.pk}").scroll_into_view_if_needed()
    reader.screenshot(path=ARTIFACTS / "comments-4-threaded-after-approval.png", full_page=True)


def test_a_reply_published_at_once_says_so_where_its_form_was(
    live_server, chromium, demo_article, quick_checks
):
    site = demo_article.get_site()
    CommentSettings.objects.update_or_create(site=site, defaults={"hold_first_comments": False})
    answered = Comment.objects.visible().get(article=demo_article, name="Devi Sandhu")
    reader = new_context(chromium, viewport={"width": 390, "height": 900}).new_page()
    reader.goto(live_server.url + demo_article.url)
    reader.locator(f"#comment-{answered.pk} .comment__reply").first.click()
    reply_form = reader.locator(f"#comment-{answered.pk} > form[data-comment-form]")
    fill(reader, "Orla Venn", "orla@reader.example", "The map shows Tanner's Row too.", reply_form)
    reply_form.locator("button[type=submit]").click()
    notice = reader.locator(f"#comment-{answered.pk} > .comments__notice")
    expect(notice).to_have_text("Your comment is published.")
    expect(notice).to_be_focused()
    expect(reply_form).to_have_count(0)
    replies = reader.locator(f"#comment-{answered.pk} > .comment-list--replies")
    expect(replies).to_contain_text("The map shows Tanner's Row too.")
    assert Comment.objects.get(text="The map shows Tanner's Row too.").parent_id == answered.pk
    reader.screenshot(path=ARTIFACTS / "comments-5-reply-published-in-place.png", full_page=True)
