"""The Newsletters admin: editions listed with their ledger's counts, the browser preview, a
test send, sending now, and "Send as alert" from an article."""

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from broadsheet.newsletters import sending
from broadsheet.newsletters.models import Edition, EditionStatus, Kind, Subscriber
from tests.newsletters.conftest import article


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(
        django_user_model.objects.create_superuser("desk", "d@courier.example", "pw")
    )
    return client


@pytest.fixture
def curated(newsroom):
    story = article(newsroom, "Sand martins return to the cliffs")
    return Edition.objects.create(
        newsletter=newsroom["newsletter"],
        subject="Birds of the estuary",
        intro="A spring special.",
        content=[("article", {"article": story, "teaser": ""})],
    )


def test_the_preview_is_the_email_with_nobody_s_links(editor, curated):
    response = editor.get(f"/admin/newsletters/editions/{curated.pk}/preview/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sand martins return to the cliffs" in html and "%%" not in html


def test_a_test_send_goes_to_the_given_addresses_only_and_bad_ones_are_named(editor, curated):
    bad = editor.post(
        f"/admin/newsletters/editions/{curated.pk}/test/", {"addresses": "desk@, x"}, follow=True
    )
    assert not django_mail.outbox
    assert b"valid email" in bad.content

    editor.post(
        f"/admin/newsletters/editions/{curated.pk}/test/",
        {"addresses": "desk@courier.example, chief@courier.example"},
    )

    assert sorted(m.to[0] for m in django_mail.outbox) == [
        "chief@courier.example",
        "desk@courier.example",
    ]
    assert django_mail.outbox[0].subject == "[Test] Birds of the estuary"
    assert not curated.deliveries.exists()


def test_send_now_schedules_and_the_list_shows_the_ledger_counts(editor, curated):
    Subscriber.objects.create(
        email="a@reader.example", confirmed_at=timezone.now()
    ).subscriptions.create(newsletter=curated.newsletter)
    editor.post(f"/admin/newsletters/editions/{curated.pk}/schedule/", {"now": "1"})
    curated.refresh_from_db()
    assert curated.status == EditionStatus.SCHEDULED

    sending.send_due()
    listing = editor.get("/admin/newsletter_editions/")

    assert listing.status_code == 200
    assert (
        b"1 recipients \xc2\xb7 1 sent \xc2\xb7 0 failed \xc2\xb7 0 bounced \xc2\xb7 0 unsubscribed"
        in listing.content
    )


def test_an_article_is_sent_as_an_alert_to_the_chosen_newsletters(editor, newsroom):
    story = article(newsroom, "Storm barrier closes tonight")
    edit = editor.get(f"/admin/pages/{story.pk}/edit/")
    assert f"/admin/newsletters/alert/{story.pk}/".encode() in edit.content

    editor.post(
        f"/admin/newsletters/alert/{story.pk}/", {"newsletters": [newsroom["newsletter"].pk]}
    )

    alert = Edition.objects.get(kind=Kind.ALERT)
    assert alert.subject == "Storm barrier closes tonight"
    assert alert.status == EditionStatus.SCHEDULED


def test_the_newsletter_screens_answer(editor, curated):
    for url in [
        "/admin/newsletter_lists/",
        "/admin/newsletter_subscribers/",
        "/admin/newsletter_editions/new/",
        f"/admin/newsletters/editions/{curated.pk}/",
    ]:
        assert editor.get(url).status_code == 200, url
