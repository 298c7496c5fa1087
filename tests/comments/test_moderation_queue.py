"""The moderation queue: one row's actions, what moderators are told, spam scores, its cost."""

import pytest
from django.test import Client

from broadsheet.comments.models import Ban, Comment, CommentState
from tests import factories
from tests.comments.helpers import last_comment, post_comment, soup
from tests.comments.test_learning import targets, train

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/queue/pending/"


@pytest.fixture
def mod(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def pending(article):
    post_comment(Client(), article, text="Bring back the harbour market.", email="kit@r.example")
    comment = last_comment()
    assert comment.state == CommentState.PENDING
    return comment


def told(client, response) -> list[str]:
    """What the moderator reads on the page the action sends them back to."""
    assert response.status_code == 302
    return [str(message) for message in client.get(response["Location"]).context["messages"]]


def row(client, comment, queue: str = QUEUE):
    page = soup(client.get(queue))
    return page.find("tr", attrs={"data-comment-row": str(comment.pk)})


def press(client, comment, verb: str, queue: str = QUEUE):
    """Press a row's button as a browser without the script does: its form, its formaction."""
    button = row(client, comment, queue).find("button", attrs={"data-shortcut": verb})
    if button is None:
        button = row(client, comment, queue).find("button", string=verb.capitalize())
    form = button.find_parent("form")
    data = {i["name"]: i["value"] for i in form.find_all("input", attrs={"type": "hidden"})}
    if button.get("name"):
        data[button["name"]] = button["value"]
    return client.post(button.get("formaction") or form["action"], data)


@pytest.mark.parametrize(
    ("verb", "state", "sentence"),
    [
        ("approve", CommentState.APPROVED, "1 comment approved."),
        ("reject", CommentState.REJECTED, "1 comment rejected."),
        ("spam", CommentState.SPAM, "1 comment marked as spam."),
    ],
)
def test_a_rows_button_changes_the_state_and_returns_to_the_queue(
    mod, pending, verb, state, sentence
):
    response = press(mod, pending, verb)
    assert response.status_code == 302
    assert response["Location"] == QUEUE
    pending.refresh_from_db()
    assert pending.state == state
    assert told(mod, response) == [sentence]


def test_a_rows_ban_button_bans_a_guest_by_email_address(mod, pending):
    response = press(mod, pending, "ban")
    assert response["Location"] == QUEUE
    ban = Ban.objects.get()
    assert (ban.kind, ban.value, ban.expires_at) == ("email", "kit@r.example", None)
    assert told(mod, response) == ["Commenter banned."]


def test_a_rows_ban_button_bans_a_signed_in_reader_by_account(mod, article, reader):
    signed_in = Client()
    signed_in.force_login(reader)
    post_comment(signed_in, article, text="From my account.", ip="10.20.0.1")
    comment = last_comment()
    assert comment.user == reader
    press(mod, comment, "ban")
    assert [(ban.kind, ban.user) for ban in Ban.objects.all()] == [("user", reader)]


def test_every_row_posts_its_own_small_form_with_a_csrf_token(mod, pending):
    form = row(mod, pending).find("form")
    assert form["method"] == "post"
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    actions = {b.get("formaction") or form["action"] for b in form.find_all("button")}
    assert actions == {
        f"/admin/comments/{pending.pk}/{verb}/" for verb in ("approve", "reject", "spam", "ban")
    }


def test_a_rows_buttons_leave_out_the_state_it_is_in(mod, pending):
    press(mod, pending, "approve")
    buttons = row(mod, pending, "/admin/comments/queue/approved/").find_all("button")
    assert [b.get_text(strip=True) for b in buttons] == ["Reject", "Spam", "Ban"]


def test_a_suspension_says_for_how_long(mod, pending):
    response = mod.post(f"/admin/comments/{pending.pk}/ban/", {"targets": ["email"], "days": "1"})
    assert told(mod, response) == ["Commenter suspended for 1 day."]
    response = mod.post(f"/admin/comments/{pending.pk}/ban/", {"targets": ["ip"], "days": "7"})
    assert told(mod, response) == ["Commenter suspended for 7 days."]


def test_a_next_address_elsewhere_is_ignored(mod, pending):
    response = mod.post(
        f"/admin/comments/{pending.pk}/reject/", {"next": "https://elsewhere.example/"}
    )
    assert response["Location"] == f"/admin/comments/{pending.pk}/"


def test_bulk_actions_report_whole_sentences_with_plurals(mod, article):
    guest = Client()
    for n in range(3):
        post_comment(guest, article, text=f"Held {n}", email=f"b{n}@r.example", ip=f"10.9.0.{n}")
    ids = [str(pk) for pk in Comment.objects.order_by("pk").values_list("pk", flat=True)]

    def bulk(action, chosen):
        return told(mod, mod.post("/admin/comments/bulk/", {"action": action, "ids": chosen}))

    assert bulk("approve", ids[:2]) == ["2 comments approved."]
    assert bulk("spam", ids[2:]) == ["1 comment marked as spam."]
    assert bulk("reject", ids) == ["3 comments rejected."]
    assert bulk("approve", []) == ["No comments were selected."]


def test_the_detail_pages_actions_report_sentences_too(mod, pending):
    def act(verb, **data):
        return told(mod, mod.post(f"/admin/comments/{pending.pk}/{verb}/", data))

    assert act("not-spam") == ["1 comment marked as not spam and published."]
    assert act("feature") == ["Comment featured: it is listed first."]
    assert act("edit", text="Bring back the market.") == [
        "Comment edited; the original text is kept."
    ]
    assert act("ban") == ["Choose what to ban the commenter by."]
    assert act("reject", reason="x" * 501) == [
        "Ensure this value has at most 500 characters (it has 501)."
    ]


def test_the_queue_shows_the_learned_filters_score(
    mod, client, article, comment_settings, moderator
):
    targets(precision=0.95)
    train(article, moderator)
    guest = Client()
    post_comment(guest, article, text="Cheap replica watches, order now at discount prices")
    spam = last_comment()
    assert spam.state == CommentState.SPAM and spam.spam_score >= 0.9
    cell = row(mod, spam, "/admin/comments/queue/spam/").find(attrs={"data-spam-score": True})
    assert cell.get_text(strip=True) == f"{spam.spam_score:.2f}"


def test_every_checked_comment_is_scored_and_an_unscored_one_says_why(mod, article, pending):
    # The starter model scores from the first day, so only comments no check saw lack a score.
    cell = row(mod, pending).find(attrs={"data-spam-score": True})
    assert cell.get_text(strip=True) == f"{pending.spam_score:.2f}"
    imported = Comment.objects.create(article=article, name="Old", text="From the old site.")
    text = row(mod, imported).find(attrs={"data-spam-score": "none"}).parent.get_text(" ")
    assert "No checks ran on it (imported or demo comment)." in text
    assert "–" not in soup(mod.get(QUEUE)).find("table").get_text()


def test_the_queue_explains_its_keyboard_shortcuts(mod, pending):
    page = soup(mod.get(QUEUE))
    keys = page.find(attrs={"data-queue-keys": True})
    assert keys.find("summary").get_text(strip=True) == "Keyboard shortcuts"
    assert [k.get_text() for k in keys.find_all("kbd")] == ["j", "k", "x", "a", "r", "s"]
    assert page.find("script", src="/static/comments/admin/queue.js")


def _fill_queue(section, author, count: int) -> None:
    articles = [
        factories.make_article(section, title=f"Story {n}", slug=f"story-{n}", authors=[author])
        for n in range(3)
    ]
    top = Comment.objects.create(
        article=articles[0], name="First", text="First", state=CommentState.APPROVED
    )
    for n in range(count):
        Comment.objects.create(
            article=articles[n % 3],
            parent=top if n % 2 else None,
            name=f"Reader {n}",
            email=f"r{n}@r.example",
            text=f"Comment number {n}",
        )


@pytest.mark.parametrize("count", [3, 40])
def test_the_queue_costs_the_same_whatever_its_length(
    mod, section, author, count, django_assert_max_num_queries
):
    _fill_queue(section, author, count)
    # Session, user, permissions and the admin's frame (menu counts, branding, locales) are 13;
    # the queue itself 4: the paginator's count, the tabs' two counts and one page of comments
    # with their article, parent and the learned filter's verdict reason.
    with django_assert_max_num_queries(17):
        response = mod.get(QUEUE)
    assert len(soup(response).find_all("tr", attrs={"data-comment-row": True})) == count
