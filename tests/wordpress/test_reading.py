"""The pure parts: reading WXR, automatic paragraphs, shortcodes and block markup."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from broadsheet.wordpress import bodies, parse
from broadsheet.wordpress.autop import autop
from broadsheet.wordpress.blockmarkup import render_blocks
from broadsheet.wordpress.dates import wp_datetime
from broadsheet.wordpress.shortcodes import expand
from tests.wordpress.conftest import FIXTURES, HARBOUR


def test_records_come_in_file_order_with_the_channel_first():
    records = list(parse.read_wxr(HARBOUR))
    assert isinstance(records[0], parse.Channel)
    assert records[0].base_site_url == "http://quayside.example"
    assert records[0].wxr_version == "1.2"
    kinds = [type(r).__name__ for r in records[1:]]
    assert kinds[:2] == ["Author", "Author"]
    items = [r for r in records if isinstance(r, parse.Item)]
    assert [i.id for i in items][:5] == ["201", "202", "203", "204", "101"]
    ferry = items[4]
    assert ferry.is_sticky and ferry.meta_value("_thumbnail_id") == "201"
    assert [c.id for c in ferry.comments] == ["501", "503", "502", "504", "505", "506"]
    assert ferry.terms[1].name == "Harbour & Docks"


def test_the_https_namespace_and_version_1_1_read_alike():
    records = list(parse.read_wxr(FIXTURES / "harbour-part2.xml"))
    assert records[0].wxr_version == "1.1"
    (item,) = [r for r in records if isinstance(r, parse.Item)]
    assert (item.id, item.status, item.slug) == ("110", "publish", "night-ferry-trial")
    assert item.excerpt.startswith("Riders want the late crossing kept – and ")


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    export = tmp_path / "xxe.xml"
    export.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>x</title>'
        "<item><title>a&s;b</title><wp:post_id>1</wp:post_id></item></channel></rss>"
    )
    (item,) = [r for r in parse.read_wxr(export) if isinstance(r, parse.Item)]
    assert item.title == "ab"


def test_entities_that_multiply_stop_the_read_with_an_error(tmp_path):
    laughs = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 9))
    export = tmp_path / "laughs.xml"
    export.write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">{laughs}]>'
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>x</title>'
        "<item><title>&l8;</title><wp:post_id>1</wp:post_id></item></channel></rss>"
    )
    with pytest.raises(parse.WxrError, match="amplification"):
        list(parse.read_wxr(export))


def test_a_file_that_is_not_an_export_says_so(tmp_path):
    export = tmp_path / "not.xml"
    export.write_text("<html><body>hello</body></html>")
    with pytest.raises(parse.WxrError, match="not a WordPress export"):
        list(parse.read_wxr(export))


def test_an_item_without_an_id_is_named_by_its_line(tmp_path):
    export = tmp_path / "noid.xml"
    export.write_text(
        '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>x</title>\n'
        "<item><title>a</title><wp:post_id>7</wp:post_id></item>\n"
        "<item><title>b</title></item></channel></rss>"
    )
    with pytest.raises(parse.WxrError, match=r"line 3: an item has no wp:post_id .*item 7"):
        list(parse.read_wxr(export))


def test_autop_makes_paragraphs_and_line_breaks_as_wordpress_does():
    text = "One\ntwo\n\nThree <em>x</em>\n\n<div>block</div>\n<pre>a\n\nb</pre>"
    assert autop(text) == (
        "<p>One<br />\ntwo</p>\n<p>Three <em>x</em></p>\n<div>block</div>\n<pre>a\n\nb</pre>\n"
    )


def test_autop_leaves_newlines_inside_tags_alone():
    assert autop('<a\nhref="/x">link</a>') == '<p><a\nhref="/x">link</a></p>\n'


def test_shortcodes_known_are_expanded_and_others_named():
    result = expand('[gallery ids="3,4"] [video mp4="http://v.example/a.mp4"] [poll id=2]')
    assert 'data-wp-gallery="3,4"' in result.html
    assert 'data-wp-media="http://v.example/a.mp4"' in result.html
    assert "[poll id=2]" in result.html
    assert result.unknown == ("poll",)


def test_an_escaped_shortcode_is_text():
    assert expand("[[gallery]]").unknown == ()


def test_block_markup_keeps_nesting_and_names_unknown_blocks():
    rendered = render_blocks(
        "<!-- wp:columns --><div><!-- wp:column --><div><!-- wp:paragraph --><p>in</p>"
        "<!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns -->"
        '<!-- wp:acme/widget {"a":1} /--><!-- wp:spacer --><div></div><!-- /wp:spacer -->'
    )
    assert "<p>in</p>" in rendered.html
    assert rendered.unknown == ("acme/widget",)


def test_inline_images_split_a_paragraph_into_text_picture_text():
    body = bodies.convert(
        '<p>Before <img src="http://x.example/wp-content/uploads/a.jpg" class="wp-image-9">'
        " after</p>"
    )
    assert [type(p).__name__ for p in body.pieces] == ["Paragraph", "Picture", "Paragraph"]
    assert body.pieces[1].attachment_id == "9"


def test_sanitising_keeps_only_what_the_paragraph_block_allows():
    assert (
        bodies.sanitise('<span style="x">a <strong onclick="y">b</strong></span>') == "a <b>b</b>"
    )
    assert bodies.sanitise('<a href="javascript:alert(1)">c</a>') == "<a>c</a>"


def test_dates_prefer_gmt_then_local_time_then_nothing():
    zone = ZoneInfo("Europe/Oslo")
    assert wp_datetime("2026-03-04 08:30:00", "x", zone) == datetime(2026, 3, 4, 8, 30, tzinfo=UTC)
    local = wp_datetime("0000-00-00 00:00:00", "2026-03-04 09:30:00", zone)
    assert local == datetime(2026, 3, 4, 8, 30, tzinfo=UTC)
    assert wp_datetime("0000-00-00 00:00:00", "", zone) is None
