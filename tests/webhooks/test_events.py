"""Which changes are which events: each kind fired once, by the apps' own signals, with the
payload receivers read."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from broadsheet.articles.models import Correction
from broadsheet.comments.actions import approve_comment, feature_comment
from broadsheet.comments.models import Comment, CommentState
from broadsheet.live import actions as live
from broadsheet.newsletters import sending
from broadsheet.newsletters.models import Newsletter, Subscriber, Subscription
from broadsheet.webhooks.models import Event
from tests import factories
from tests.live.conftest import body, make_blog

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def everything(subscribe):
    return subscribe()


def recorded() -> list[str]:
    return [event.name for event in Event.objects.order_by("occurred_at")]


def payload(name: str) -> dict:
    return json.loads(Event.objects.get(name=name).body)


def test_a_first_publication_is_article_published(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom, title="Night buses return")
    assert recorded() == ["article.published"]
    sent = payload("article.published")
    assert sent["data"]["article"]["id"] == article.pk
    assert sent["data"]["article"]["body_html"].startswith("<p>")


def test_publishing_a_live_article_again_is_article_updated(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom)
    article.standfirst = "Crews finished two weeks early, and under budget."
    with committing():
        article.save_revision().publish()
    assert recorded() == ["article.published", "article.updated"]
    assert "under budget" in payload("article.updated")["data"]["article"]["standfirst"]


def test_a_new_correction_is_article_corrected_beside_the_update(newsroom, committing):
    earlier = timezone.now() - timedelta(days=1)
    with committing():
        article = factories.make_article(newsroom, corrections=[(earlier, "The date was wrong.")])
    with committing():  # republished with the same correction: no new one
        article.save_revision().publish()
    draft = article.get_latest_revision_as_object()
    draft.corrections.add(Correction(text="The mayor's name was wrong."))
    with committing():
        draft.save_revision().publish()

    assert recorded() == [
        "article.published",
        "article.updated",
        "article.updated",
        "article.corrected",
    ]
    corrections = payload("article.corrected")["data"]["article"]["corrections"]
    assert [c["text"] for c in corrections] == [
        "The date was wrong.",
        "The mayor's name was wrong.",
    ]


def test_taking_an_article_down_is_article_unpublished(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom, title="Night buses return")
    with committing():
        article.unpublish()
    assert recorded() == ["article.published", "article.unpublished"]
    gone = payload("article.unpublished")["data"]["article"]
    assert (gone["id"], gone["title"], gone["path"]) == (
        article.pk,
        "Night buses return",
        "/city/night-buses-return/",
    )
    assert "body_html" not in gone


def test_a_draft_saved_is_no_event(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom, publish=False)
        article.title = "Still a draft"
        article.save_revision()
    assert recorded() == []


def test_a_view_restricted_article_sends_nothing(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom, publish=False)
        PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
        article.get_latest_revision().publish()
    assert recorded() == []


def test_approving_a_comment_is_comment_approved_once(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom)
    comment = Comment.objects.create(
        article=article,
        name="Nell",
        email="nell@example.org",
        text="Well put.",
        state=CommentState.PENDING,
    )
    with committing():
        approve_comment(comment=comment, actor=None)
    with committing():  # still visible: featuring it approves nothing
        feature_comment(comment=comment, actor=None)

    assert recorded() == ["article.published", "comment.approved"]
    sent = payload("comment.approved")["data"]
    assert sent["comment"]["id"] == comment.pk
    assert sent["comment"]["html"] == "<p>Well put.</p>"
    assert sent["article"]["id"] == article.pk


def test_a_comment_visible_on_arrival_is_comment_approved(newsroom, committing):
    with committing():
        article = factories.make_article(newsroom)
        Comment.objects.create(
            article=article, name="Nell", text="Hi.", state=CommentState.APPROVED
        )
    assert recorded() == ["article.published", "comment.approved"]


def test_a_posted_live_entry_is_liveentry_published(newsroom, committing):
    with committing():
        blog = make_blog(newsroom)
        entry = live.post_entry(blog_id=blog.pk, body=body("Gusts of 90 km/h at the pier."))
    assert recorded() == ["liveentry.published"]
    sent = payload("liveentry.published")["data"]
    assert sent["entry"]["id"] == entry.pk
    assert "90 km/h" in sent["entry"]["body_html"]
    assert sent["entry"]["url"].endswith(f"/entries/{entry.pk}/")
    assert sent["blog"]["id"] == blog.pk


def test_a_scheduled_entry_is_published_when_its_time_comes(newsroom, committing):
    at = timezone.now() + timedelta(minutes=10)
    with committing():
        blog = make_blog(newsroom)
        live.post_entry(blog_id=blog.pk, body=body("The ferry resumes at noon."), at=at)
    assert recorded() == []
    with committing():
        live.publish_due_entries(now=at + timedelta(seconds=1))
    assert recorded() == ["liveentry.published"]


def test_editing_a_live_entry_is_no_new_event(newsroom, committing):
    with committing():
        blog = make_blog(newsroom)
        entry = live.post_entry(blog_id=blog.pk, body=body("Gusts at the pier."))
    entry.title = "Gusts"
    with committing():
        live.save_entry(entry=entry)
    assert recorded() == ["liveentry.published"]


def test_a_sent_edition_is_newsletter_sent_once_with_its_counts(newsroom, committing, smtp):
    newsletter = Newsletter.objects.create(
        name="Quayside Evening", slug="quayside-evening", sender_email="news@quayside.example"
    )
    for email in ("ada@reader.example", "bo@reader.example"):
        subscriber = Subscriber.objects.create(email=email, confirmed_at=timezone.now())
        Subscription.objects.create(subscriber=subscriber, newsletter=newsletter)
    with committing():
        factories.make_article(newsroom, title="Ferry timetable changes")
    with committing():
        edition, _ = sending.send_now(newsletter)
        sending.send_edition(edition)  # already finished: announced once, not again

    assert recorded() == ["article.published", "newsletter.sent"]
    sent = payload("newsletter.sent")["data"]
    assert sent["newsletter"] == {
        "id": newsletter.pk,
        "slug": "quayside-evening",
        "name": "Quayside Evening",
    }
    assert sent["edition"]["id"] == edition.pk
    assert sent["edition"]["subject"] == edition.subject
    assert sent["edition"]["url"].endswith(f"/newsletters/quayside-evening/{edition.pk}/")
    assert (sent["edition"]["recipients"], sent["edition"]["sent"]) == (2, 2)
    assert sent["edition"]["sent_at"]
    assert len(smtp.messages) == 2
