"""Polling real HTTP sources on 127.0.0.1: dedup, versions, 304s, failures, alarms, folders."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from broadsheet.core import scheduling
from broadsheet.wire.models import Item, ItemVersion, SourceHealth
from broadsheet.wire.polling import (
    FAILURES_FOR_ALARM,
    check_idle_alarms,
    poll_due_sources,
    poll_source,
)
from tests.wire.conftest import make_source
from tests.wire.feeds import ninjs, rss

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db


@pytest.fixture
def desk_editor(django_user_model):
    return django_user_model.objects.create_superuser("desk", "desk@paper.example", "pw")


def test_a_thousand_re_polls_of_a_changing_feed_store_each_version_once(feed_server):
    feed_server.etags = False  # every poll reads the whole feed
    items = [(f"lvp-{n}", f"Report number {n}", f"First telling of report {n}.") for n in range(20)]
    source = make_source(feed_server.serve("/feed.xml", rss(items)))
    changes = added = 0
    for poll in range(1, 1001):
        if poll % 50 == 0:  # an item reworded: a new version of it
            n = poll // 50 % len(items)
            guid, title, _ = items[n]
            items[n] = (guid, title, f"Retold at poll {poll}.")
            changes += 1
        if poll % 100 == 0:  # a report added
            items.insert(0, (f"lvp-new-{poll}", f"Late report {poll}", "Just in."))
            added += 1
        # Restamped on every poll, as many feeds are: each answer is read and parsed again.
        feed_server.serve("/feed.xml", rss(items, built=f"poll {poll}"))
        report = poll_source(source=source)
        assert report.error == "" and report.changed
    assert Item.objects.filter(source=source).count() == 20 + added
    assert ItemVersion.objects.filter(item__source=source).count() == 20 + added + changes
    assert feed_server.requests["/feed.xml"] == 1000
    health = SourceHealth.objects.get(source=source)
    assert health.items_accepted == 20 + added + changes


def test_an_unchanged_feed_is_answered_304_and_costs_no_work(
    feed_server, django_assert_max_num_queries
):
    source = make_source(feed_server.serve("/feed.xml", rss([("a", "One", "Text.")])))
    first = poll_source(source=source)
    assert first.changed and first.new_items == 1
    with django_assert_max_num_queries(2):  # the health record, read and written
        again = poll_source(source=source)
    assert not again.changed
    assert feed_server.not_modified["/feed.xml"] == 1
    assert feed_server.headers["/feed.xml"][-1]["If-None-Match"].startswith('"')
    assert Item.objects.count() == 1


def test_a_server_that_dates_its_answers_is_asked_if_modified_since(feed_server):
    feed_server.etags = False
    feed_server.last_modified = "Mon, 02 Mar 2026 08:00:00 GMT"
    source = make_source(feed_server.serve("/feed.xml", rss([("a", "One", "Text.")])))
    poll_source(source=source)
    assert not poll_source(source=source).changed
    assert feed_server.headers["/feed.xml"][-1]["If-Modified-Since"] == feed_server.last_modified
    assert feed_server.not_modified["/feed.xml"] == 1


def test_the_same_answer_again_without_validators_is_not_parsed_again(feed_server):
    feed_server.etags = False
    source = make_source(feed_server.serve("/feed.xml", rss([("a", "One", "Text.")])))
    assert poll_source(source=source).changed
    assert not poll_source(source=source).changed
    assert feed_server.requests["/feed.xml"] == 2


def test_restamped_dates_make_no_new_version(feed_server):
    feed_server.etags = False
    url = feed_server.serve("/feed.xml", rss([("a", "One", "Text.")], with_dates=True))
    source = make_source(url)
    poll_source(source=source)
    feed_server.serve(
        "/feed.xml",
        rss([("a", "One", "Text.")], with_dates=True).replace("08:00:00", "11:45:00"),
    )
    assert poll_source(source=source).new_versions == 0
    assert ItemVersion.objects.count() == 1


def test_a_new_version_is_a_version_of_the_same_item_and_an_old_one_stays_old(feed_server):
    source = make_source(feed_server.serve("/item.json", ninjs(), "application/json"))
    poll_source(source=source)
    feed_server.serve("/item.json", ninjs(version=2, headline="Fire out; quay reopens"))
    assert poll_source(source=source).new_versions == 1
    feed_server.serve("/item.json", ninjs(version=1))  # a late repeat of the first
    poll_source(source=source)
    item = Item.objects.get()
    assert [v.version for v in item.versions.all()] == ["1", "2"]
    assert item.current.headline == "Fire out; quay reopens"


def test_a_dead_source_raises_its_alarm_once_and_backs_off(feed_server, desk_editor):
    source = make_source(feed_server.fail("/dead.xml", 503))
    waits = []
    for _ in range(FAILURES_FOR_ALARM + 3):
        report = poll_source(source=source)
        assert "503" in report.error
        health = SourceHealth.objects.get(source=source)
        waits.append(health.next_poll_at - health.last_polled_at)
    assert health.failures == FAILURES_FOR_ALARM + 3
    assert waits == sorted(waits) and waits[0] < waits[-1]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["desk@paper.example"]
    assert "failing" in mail.outbox[0].subject
    assert health.alarm.startswith("failing")
    feed_server.serve("/dead.xml", rss([("a", "Back", "Alive.")]))
    poll_source(source=source)
    health.refresh_from_db()
    assert (health.failures, health.alarm, health.last_error) == (0, "", "")


def test_a_silent_source_raises_its_idle_alarm_once(feed_server, desk_editor):
    source = make_source(feed_server.serve("/feed.xml", rss([("a", "One", "Text.")])))
    poll_source(source=source)
    later = timezone.now() + timedelta(minutes=source.idle_alarm_minutes + 1)
    assert check_idle_alarms(now=later) == 1
    assert check_idle_alarms(now=later + timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1 and "silent" in mail.outbox[0].subject


def test_bad_xml_and_json_are_their_sources_errors_and_break_nothing_else(feed_server):
    bad_xml = make_source(feed_server.serve("/bad.xml", (FIXTURES / "bad.xml").read_bytes()))
    bad_json = make_source(feed_server.serve("/bad.json", '[{"uri": ', "application/json"))
    good = make_source(feed_server.serve("/good.xml", rss([("a", "One", "Text.")])), name="Good")
    reports = {r.source_id: r for r in poll_due_sources()}
    assert "Malformed XML" in reports[bad_xml.pk].error
    assert "Malformed JSON" in reports[bad_json.pk].error
    assert reports[good.pk].new_items == 1
    assert "Malformed XML" in SourceHealth.objects.get(source=bad_xml).last_error
    assert Item.objects.filter(source=good).count() == 1


def test_sources_are_polled_only_when_due(feed_server):
    source = make_source(feed_server.serve("/feed.xml", rss([("a", "One", "Text.")])))
    poll_due_sources()
    poll_due_sources()  # within its interval: not fetched
    assert feed_server.requests["/feed.xml"] == 1
    poll_due_sources(now=timezone.now() + timedelta(minutes=source.interval_minutes))
    assert feed_server.requests["/feed.xml"] == 2


def test_a_run_out_of_time_leaves_the_rest_due_for_the_next_run(feed_server):
    first = make_source(feed_server.serve("/one.xml", rss([("a", "One", "Text.")])), name="A")
    second = make_source(feed_server.serve("/two.xml", rss([("b", "Two", "Text.")])), name="B")
    assert [r.source_id for r in poll_due_sources(budget=0)] == [first.pk]
    assert [r.source_id for r in poll_due_sources(budget=0)] == [second.pk]


def test_credentials_are_sent(feed_server):
    url = feed_server.serve("/private.xml", rss([("a", "One", "Text.")]))
    basic = make_source(url, auth="basic", username="courier", secret="s3cret")
    poll_source(source=basic)
    assert feed_server.headers["/private.xml"][-1]["Authorization"] == "Basic Y291cmllcjpzM2NyZXQ="
    bearer = make_source(url, auth="bearer", secret="tok", name="Other")
    poll_source(source=bearer)
    assert feed_server.headers["/private.xml"][-1]["Authorization"] == "Bearer tok"


def test_a_watched_folder_is_read_again_only_when_its_files_change(tmp_path):
    (tmp_path / "one.xml").write_bytes((FIXTURES / "newsml_item.xml").read_bytes())
    (tmp_path / "notes.txt").write_text("not a feed")
    source = make_source(str(tmp_path), format="folder")
    assert poll_source(source=source).new_items == 1
    assert not poll_source(source=source).changed
    (tmp_path / "two.json").write_bytes((FIXTURES / "ninjs1.json").read_bytes())
    assert poll_source(source=source).new_items == 1
    assert Item.objects.count() == 2
    (tmp_path / "one.xml").unlink()  # a file taken away: nothing lost
    again = poll_source(source=source)
    assert again.changed and again.new_items == again.new_versions == 0
    assert Item.objects.count() == 2


def test_a_watched_folder_reads_only_files_changed_since_its_last_read(tmp_path):
    old = tmp_path / "old.xml"
    old.write_bytes((FIXTURES / "newsml_item.xml").read_bytes())
    source = make_source(str(tmp_path), format="folder")
    poll_source(source=source)
    week_ago = (timezone.now() - timedelta(days=7)).timestamp()
    os.utime(old, (week_ago, week_ago))
    SourceHealth.objects.filter(source=source).update(etag="")
    (tmp_path / "new.json").write_bytes((FIXTURES / "ninjs1.json").read_bytes())
    report = poll_source(source=source)
    assert (report.seen, report.new_items) == (1, 1)


def test_the_worker_polls_due_sources_every_minute(feed_server):
    assert poll_due_sources in scheduling.every_minute()
    make_source(feed_server.serve("/feed.xml", rss([("a", "One", "Text.")])))
    call_command("worker", "--once")
    assert Item.objects.count() == 1
