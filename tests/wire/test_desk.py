"""The desk: writing items up once, pictures, auto-publishing, kills, embargoes, new versions."""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.signals import page_unpublished

from broadsheet.articles.models import ArticlePage
from broadsheet.demo.pictures import draw_picture
from broadsheet.images.models import Photo
from broadsheet.wire import actions, fetching
from broadsheet.wire.models import Item, RoutingRule, Source
from broadsheet.wire.polling import poll_source
from tests import factories
from tests.wire.conftest import make_source
from tests.wire.feeds import ninjs

pytestmark = pytest.mark.django_db
FUTURE = "2031-06-01T09:00:00Z"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("rowan", "rowan@paper.example", "pw")


@pytest.fixture
def desk(client, editor):
    client.force_login(editor)
    return client


def polled(feed_server, section, body: str, **source_fields) -> Item:
    source = make_source(
        feed_server.serve("/item.json", body, "application/json"),
        section=section,
        name="Harbour Wire",
        **source_fields,
    )
    report = poll_source(source=source)
    assert report.error == ""
    return Item.objects.select_related("current", "source").get(source=source)


def repoll(feed_server, item: Item, body: str) -> Item:
    feed_server.serve("/item.json", body, "application/json")
    assert poll_source(source=item.source).error == ""
    return Item.objects.select_related("current", "source", "article").get(pk=item.pk)


def test_writing_up_twice_makes_one_draft_attributed_to_the_outlet(feed_server, section, desk):
    item = polled(feed_server, section, ninjs())
    first = desk.post(reverse("wire_desk:write_up", args=[item.pk]))
    second = desk.post(reverse("wire_desk:write_up", args=[item.pk]))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    article = ArticlePage.objects.get()
    assert first["Location"] == reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert not article.live
    assert article.get_parent().pk == section.pk
    assert article.title == article.source_headline == "Warehouse fire on the east quay is out"
    assert article.source_outlet == "Harbour Wire"
    assert article.standfirst == "The quay reopens tomorrow."
    assert [b.block_type for b in article.body] == ["paragraph"]
    assert "Nobody was hurt." in article.body[0].value.source
    item.refresh_from_db()
    assert item.article_id == article.pk and item.written_up_by.username == "rowan"
    page = desk.get(reverse("wire_desk:item", args=[item.pk]))
    assert "Written up by rowan" in page.content.decode()
    edit = desk.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert reverse("wire_desk:item", args=[item.pk]) in edit  # the way back to the item


def test_pictures_are_fetched_to_the_photo_library_once(feed_server, section, editor):
    picture = feed_server.serve("/quay.jpg", draw_picture("quay", size=(320, 180)), "image/jpeg")
    item = polled(feed_server, section, ninjs(pictures=[picture]))
    article = actions.write_up(item=item, user=editor)
    photo = Photo.objects.get()
    assert article.hero_image_id == photo.pk
    assert (photo.credit, photo.default_caption) == ("Quay Photo Desk", "The quay at dawn, view 0")
    actions.write_up(item=item, user=editor)
    assert feed_server.requests["/quay.jpg"] == 1


def test_pictures_on_private_addresses_are_not_fetched_unless_allowed(
    feed_server, section, editor, settings, caplog
):
    settings.BROADSHEET_WIRE_PRIVATE_PICTURES = False
    picture = feed_server.serve("/inside.jpg", draw_picture("quay", size=(320, 180)), "image/jpeg")
    item = polled(feed_server, section, ninjs(pictures=[picture]))

    article = actions.write_up(item=item, user=editor)

    assert article.hero_image_id is None and not Photo.objects.exists()
    assert "/inside.jpg" not in feed_server.requests  # 127.0.0.1 is never asked
    assert "not a public address" in caplog.text


def test_only_public_addresses_count_as_public():
    for url in ("http://127.0.0.1/a.jpg", "http://10.1.2.3/", "http://169.254.169.254/latest/"):
        assert not fetching.public_address(url), url
    assert not fetching.public_address("http://[::1]:8080/a.jpg")
    assert not fetching.public_address("not a url")
    assert fetching.public_address("http://93.184.215.14/picture.jpg")


def test_an_auto_published_item_is_live_and_a_kill_unpublishes_it_within_one_poll(
    feed_server, section, editor
):
    item = polled(feed_server, section, ninjs(), auto_publish=True)
    article = ArticlePage.objects.get()
    assert article.live and item.auto_published
    unpublished = []

    def heard(sender, instance, **kwargs):
        unpublished.append(instance.pk)

    # The freshness wiring purges the article's pages on this signal.
    page_unpublished.connect(heard, dispatch_uid="test-wire-kill")
    try:
        killed = repoll(
            feed_server, item, ninjs(version=2, pubstatus="canceled", headline="KILL: do not use")
        )
    finally:
        page_unpublished.disconnect(dispatch_uid="test-wire-kill")
    assert unpublished == [article.pk]
    article.refresh_from_db()
    assert article.title == "Warehouse fire on the east quay is out"  # not the kill's text
    assert killed.status == "canceled"
    assert not article.live
    assert len(mail.outbox) == 1 and "killed" in mail.outbox[0].subject.lower()


def test_a_kill_of_an_edited_article_alerts_its_editor_and_leaves_it_alone(
    feed_server, section, editor, django_user_model
):
    subeditor = django_user_model.objects.create_user("sam", "sam@paper.example", "pw")
    item = polled(feed_server, section, ninjs())
    article = actions.write_up(item=item, user=editor)
    article.title = "Quay fire: crews stay overnight"
    article.save_revision(user=subeditor).publish()
    repoll(feed_server, item, ninjs(version=2, pubstatus="withheld"))
    article.refresh_from_db()
    assert article.live and article.title == "Quay fire: crews stay overnight"
    assert sorted(mail.outbox[0].to) == ["rowan@paper.example", "sam@paper.example"]
    assert "decide" in mail.outbox[0].body


def test_an_embargoed_item_waits_for_its_time(feed_server, section, desk):
    item = polled(feed_server, section, ninjs(embargoed=FUTURE), auto_publish=True)
    article = ArticlePage.objects.get()
    embargo = datetime(2031, 6, 1, 9, tzinfo=UTC)
    assert not article.live
    assert article.go_live_at == embargo
    call_command("publish_scheduled", stdout=StringIO())
    article.refresh_from_db()
    assert not article.live
    # An editor who clears the go-live time and publishes is refused.
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    form = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": article.standfirst,
        "action-publish": "1",
        "go_live_at": "",
    }
    answer = desk.post(edit, form, follow=True)
    assert "Embargoed by Harbour Wire until 2031-06-01 09:00" in answer.content.decode()
    article.refresh_from_db()
    assert not article.live
    assert item.current.embargo_until == embargo


def test_bulk_publishing_does_not_get_round_an_embargo(feed_server, section, editor, desk):
    item = polled(feed_server, section, ninjs(embargoed=FUTURE))
    article = actions.write_up(item=item, user=editor)
    draft = article.get_latest_revision_as_object()
    draft.go_live_at = None  # someone cleared the go-live time
    draft.save_revision(user=editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    answer = desk.post(f"{url}?id={article.pk}", {}, follow=True)
    assert "Still under embargo" in answer.content.decode()
    article.refresh_from_db()
    assert not article.live


def test_a_new_version_updates_a_draft_nobody_touched(feed_server, section, editor):
    item = polled(feed_server, section, ninjs())
    article = actions.write_up(item=item, user=editor)
    repoll(feed_server, item, ninjs(version=2, body="<p>The fire is out and the quay open.</p>"))
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert "the quay open" in draft.body[0].value.source
    item.refresh_from_db()
    assert not item.has_newer_version


def test_a_new_version_of_an_edited_article_is_flagged_never_written_over(
    feed_server, section, editor, desk
):
    item = polled(feed_server, section, ninjs())
    article = actions.write_up(item=item, user=editor)
    draft = article.get_latest_revision_as_object()
    draft.standfirst = "Our own words."
    draft.save_revision(user=editor)
    item = repoll(feed_server, item, ninjs(version=2, body="<p>Cause under investigation.</p>"))
    assert item.has_newer_version
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.standfirst == "Our own words."
    assert "Cause under investigation" not in draft.body[0].value.source
    edit_page = desk.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "sent a newer version of this report" in edit_page
    compare = desk.get(reverse("wire_desk:item", args=[item.pk])).content.decode()
    assert "Version 1" in compare and "Version 2" in compare
    assert "Cause under investigation" in compare
    desk.post(reverse("wire_desk:acknowledge", args=[item.pk]))
    item.refresh_from_db()
    assert not item.has_newer_version


def test_routing_rules_set_section_tags_and_breaking_and_record_themselves(
    feed_server, home, section
):
    sport = factories.make_section(home, title="Sport", slug="sport")
    RoutingRule.objects.create(name="Drop tests", position=0, pattern=r"\btest\b", drop=True)
    rule = RoutingRule.objects.create(
        name="Fires",
        position=1,
        keywords="FIRE",
        section=sport,
        add_tags="emergency",
        breaking=True,
    )
    item = polled(feed_server, section, ninjs(), tags="wire")
    assert (item.rule_id, item.section_id, item.breaking) == (rule.pk, sport.pk, True)
    assert item.tags == "wire, emergency"
    article = actions.write_up(item=item)
    assert article.get_parent().pk == sport.pk
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert sorted(tag.name for tag in draft.tags.all()) == ["emergency", "wire"]
    feed_server.serve("/other.json", ninjs(uri="urn:wire:x", headline="A test item"))
    dropped = make_source(feed_server.url("/other.json"), name="Other")
    poll_source(source=dropped)
    assert Item.objects.get(source=dropped).dropped


def test_the_desk_lists_items_newest_first_with_filters_in_constant_queries(
    feed_server, section, desk, django_assert_max_num_queries
):
    def items(n):
        return json.dumps(
            [json.loads(ninjs(uri=f"urn:wire:{i}", headline=f"Report {i}")) for i in range(n)]
        )

    source = make_source(feed_server.serve("/many.json", items(5)), section=section)
    poll_source(source=source)
    with django_assert_max_num_queries(20) as few:  # most are the admin's own menu and chrome
        desk.get(reverse("wire_desk:index"))
    feed_server.serve("/many.json", items(40))
    poll_source(source=source)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = desk.get(reverse("wire_desk:index")).content.decode()
    assert "Report 39" in page
    only = desk.get(reverse("wire_desk:index"), {"q": "Report 7", "used": "unused"})
    assert "Report 7" in only.content.decode() and "Report 8" not in only.content.decode()


def test_the_desk_is_for_those_who_may_change_wire_items(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader", "r@x.example", "pw"))
    assert client.get(reverse("wire_desk:index")).status_code in (302, 403)


def test_the_wire_command_adds_polls_and_lists(feed_server, section):
    url = feed_server.serve("/item.json", ninjs(embargoed=FUTURE), "application/json")
    out = StringIO()
    call_command("wire", "add", url, "--section", "city", "--name", "Harbour Wire", stdout=out)
    source = Source.objects.get()
    assert source.section_id == section.pk and source.format == "auto"
    call_command("wire", "poll", "--source", str(source.pk), stdout=out)
    assert "1 new" in out.getvalue()
    listing = StringIO()
    call_command("wire", "list", "--json", stdout=listing)
    (row,) = json.loads(listing.getvalue())
    assert (row["name"], row["items"], row["last_error"]) == ("Harbour Wire", 1, "")
    items = StringIO()
    call_command("wire", "items", "--json", stdout=items)
    (entry,) = json.loads(items.getvalue())
    assert entry["guid"] == "urn:wire:harbour-fire" and entry["version"] == "1"
    assert entry["section"] == "City" and entry["status"] == "new"
    assert entry["embargo"].startswith("2031-06-01")


def test_killed_items_cannot_be_written_up(feed_server, section, desk):
    item = polled(feed_server, section, ninjs(pubstatus="canceled"))
    desk.post(reverse("wire_desk:write_up", args=[item.pk]))
    assert not ArticlePage.objects.exists()


def test_an_old_embargo_no_longer_holds(feed_server, section):
    past = (timezone.now() - timedelta(hours=1)).isoformat()
    polled(feed_server, section, ninjs(embargoed=past), auto_publish=True)
    assert ArticlePage.objects.get().live


def test_an_untouched_auto_published_article_follows_the_new_version(feed_server, section):
    item = polled(feed_server, section, ninjs(), auto_publish=True)
    repoll(feed_server, item, ninjs(version=2, headline="Quay fire out; cause known"))
    article = ArticlePage.objects.get()
    assert article.live and article.title == "Quay fire out; cause known"
    assert article.source_headline == "Quay fire out; cause known"


def newsml(version: int, status: str) -> str:
    return (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:wire:quay-crane" '
        f'version="{version}"><itemMeta><itemClass qcode="ninat:text"/>'
        f'<pubStatus qcode="stat:{status}"/></itemMeta><contentMeta>'
        "<headline>Crane toppled at the container quay</headline></contentMeta><contentSet>"
        '<inlineData contenttype="text/plain">Nobody was under it.</inlineData>'
        "</contentSet></newsItem>"
    )


def test_a_newsml_kill_unpublishes_within_one_poll(feed_server, section):
    source = make_source(
        feed_server.serve("/quay.xml", newsml(1, "usable")), section=section, auto_publish=True
    )
    poll_source(source=source)
    assert ArticlePage.objects.get().live
    feed_server.serve("/quay.xml", newsml(2, "canceled"))
    poll_source(source=source)
    assert not ArticlePage.objects.get().live
    assert Item.objects.get().status == "canceled"
