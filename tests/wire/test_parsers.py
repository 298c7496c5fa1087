"""The parsers, on feeds we wrote in every format the desk reads."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from broadsheet.wire.parsers import ParseError, detect, parse

FIXTURES = Path(__file__).parent / "fixtures"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rss.xml", "rss"),
        ("atom.xml", "atom"),
        ("jsonfeed.json", "jsonfeed"),
        ("ninjs1.json", "ninjs"),
        ("ninjs2.json", "ninjs"),
        ("ninjs3.json", "ninjs"),
        ("newsml_item.xml", "newsml-g2"),
        ("newsml_message.xml", "newsml-g2"),
    ],
)
def test_the_format_is_detected_from_the_answer(name, expected):
    assert detect(read(name)) == expected


def test_rss_items_keep_their_guid_and_lose_scripts_and_styles():
    _, items = parse(read("rss.xml"))
    ferry, orchard = items
    assert ferry.guid == "lvp-2041"
    assert ferry.headline == "Ferry timetable & fares change in spring"
    assert ferry.categories == ("Transport",)
    assert ferry.language == "en-gb"
    assert ferry.pictures[0].url == "https://lantern.example/ferry.jpg"
    assert "<script" not in ferry.body and "alert" not in ferry.body
    assert "onclick" not in ferry.body and "style" not in ferry.body
    assert '<a href="https://lantern.example/tickets">stay the same</a>' in ferry.body
    assert ferry.created_at == datetime(2026, 3, 2, 8, tzinfo=UTC)
    assert orchard.guid == "https://lantern.example/orchard"  # no guid: the link


def test_an_item_without_a_version_is_versioned_by_its_content_not_its_dates():
    _, (first, _) = parse(read("rss.xml"))
    restamped = read("rss.xml").replace(b"08:00:00 GMT", b"09:30:00 GMT")
    reworded = read("rss.xml").replace(b"forty minutes", b"half hour")
    assert parse(restamped)[1][0].key_version == first.key_version
    assert parse(reworded)[1][0].key_version != first.key_version


def test_atom_content_is_the_body_and_its_summary_the_summary():
    _, (entry,) = parse(read("atom.xml"))
    assert entry.guid == "tag:quais.example,2026:marche"
    assert entry.byline == "Élise Varenne"
    assert entry.summary == "Après huit mois de travaux, les étals reviennent."
    assert entry.body.startswith("<h2>Huit mois</h2>")
    assert entry.language == "fr"


def test_json_feed_items_are_read_and_iframes_dropped():
    _, (item,) = parse(read("jsonfeed.json"))
    assert item.guid == "nn-77"
    assert item.byline == "Tomas Reed"
    assert item.body == "<p>Two rooms open on Saturdays.</p>"
    assert item.pictures[0].url == "https://northshore.example/cottage.jpg"


@pytest.mark.parametrize("name", ["ninjs1.json", "ninjs2.json", "ninjs3.json"])
def test_ninjs_of_every_generation_reads_the_same(name):
    _, (item,) = parse(read(name), "ninjs")
    assert item.guid == "urn:newsml:wire.example:2026:rail-strike"
    assert item.version == "1"
    assert item.headline == "Rail staff vote to strike over rosters"
    assert item.byline == "Ines Hartley"
    assert item.summary == "A walkout could start within a fortnight."
    assert item.body.startswith("<p>Members backed action")
    assert "labour dispute" in item.subjects
    assert item.keywords == ("rail", "strike")
    assert item.urgency == 2
    assert item.version_created_at == datetime(2026, 3, 2, 6, tzinfo=UTC)
    assert item.pictures[0].url == "http://127.0.0.1:1/depot.jpg"  # the widest rendition
    assert item.pictures[0].caption == "Trains waiting at the depot."
    assert item.pictures[0].credit == "Wire Photo Desk"


def test_a_newsml_item_with_an_nitf_body():
    _, (item,) = parse(read("newsml_item.xml"))
    assert (item.guid, item.version) == ("urn:newsml:wire.example:20260302:dam", "3")
    assert item.headline == "Reservoir dam passes its ten-year inspection"
    assert item.byline == "Oren Castell"
    assert item.urgency == 3
    assert item.embargo_until == datetime(2030, 1, 1, tzinfo=UTC)
    assert item.url == "https://wire.example/dam"
    assert item.subjects == ("medtop:16000000", "infrastructure")
    assert item.body == (
        "<p>The inspection took <i>three weeks</i>.</p>\n            <h2>Next steps</h2>\n"
        '            <p>Repainting of the <a href="https://wire.example/gates">gates</a> begins '
        "in May.</p>"
    )


def test_a_newsml_message_groups_pictures_with_text_and_carries_kills():
    _, items = parse(read("newsml_message.xml"))
    by_guid = {item.guid.rsplit(":", 1)[-1]: item for item in items}
    assert set(by_guid) == {"bees", "bees-package", "bridge"}  # the picture is no item
    bees = by_guid["bees"]
    assert bees.body == "<p>Pupils will tend the hives <b>weekly</b>.</p>"
    assert bees.pictures[0].url == "https://wire.example/hives.jpg"
    assert bees.pictures[0].credit == "Wire Photo Desk"
    assert by_guid["bees-package"].headline == "School roof hosts three beehives"
    assert by_guid["bees-package"].pictures == bees.pictures
    bridge = by_guid["bridge"]
    assert bridge.pub_status == "canceled"
    assert bridge.body == "<p>This story has been withdrawn.</p><p>Do not use it.</p>"


def test_xml_entities_naming_files_are_never_resolved():
    _, (item,) = parse(read("newsml_xxe.xml"))
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in item.headline
    assert item.headline.startswith("Probe")


@pytest.mark.parametrize(
    ("data", "format"),
    [
        (FIXTURES / "bad.xml", "auto"),
        (b'{"uri": "x", "headline": ', "ninjs"),
        (b"<html><body>Not a feed</body></html>", "auto"),
        (b"just words", "auto"),
        (b'[{"headline": "no uri"}]', "ninjs"),
    ],
)
def test_malformed_answers_raise_parse_errors(data, format):
    data = data.read_bytes() if isinstance(data, Path) else data
    with pytest.raises(ParseError):
        parse(data, format)


def test_links_and_pictures_that_are_not_web_addresses_are_dropped():
    feed = (
        b'<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/">'
        b"<channel><title>t</title><link>https://x.example/</link><description>d</description>"
        b"<item><title>Trap</title><guid>trap</guid><link>javascript:alert(1)</link>"
        b'<media:content url="javascript:alert(2)" medium="image"/>'
        b"<description>&lt;p&gt;&lt;a href=&quot;javascript:alert(3)&quot;&gt;x&lt;/a&gt;"
        b"&lt;/p&gt;</description></item></channel></rss>"
    )
    _, (item,) = parse(feed)
    assert item.url == "" and item.pictures == ()
    assert "javascript" not in item.body
