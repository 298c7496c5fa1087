"""``broadsheet import_wxr`` on an export written for these tests (fixtures/harbour.xml)."""

import re
from datetime import UTC, datetime

import pytest
from wagtail.models import PageViewRestriction

from broadsheet.articles.models import ArticlePage, Author, SectionPage, TopStory
from broadsheet.comments.models import Comment, CommentState
from broadsheet.comments.text import hash_ip
from broadsheet.images.models import Photo
from broadsheet.wordpress.models import ImportedObject, PlainPage
from tests.wordpress.conftest import HARBOUR, run_import

pytestmark = pytest.mark.django_db


def article(wp_id: str) -> ArticlePage:
    record = ImportedObject.objects.get(kind="post", wp_id=wp_id)
    return ArticlePage.objects.get(pk=record.object_id)


def test_published_post_goes_live_with_its_wordpress_date(imported):
    ferry = article("101")
    assert ferry.live
    assert ferry.title == "Ferry timetable changes for the spring"
    assert ferry.published_at == datetime(2026, 3, 4, 8, 30, tzinfo=UTC)
    assert ferry.first_published_at == ferry.published_at
    assert ferry.standfirst == "Earlier first crossing, later last boat."
    assert ferry.seo_title == "Spring ferry times"
    assert ferry.search_description == "The new ferry timetable at a glance."
    assert ferry.revisions.exists()


def test_each_status_arrives_as_its_broadsheet_equivalent(imported):
    future = article("103")
    assert not future.live
    assert future.go_live_at == datetime(2036, 6, 1, 17, 0, tzinfo=UTC)
    assert future.latest_revision.approved_go_live_at == future.go_live_at
    draft, pending = article("104"), article("105")
    assert not draft.live and not pending.live
    assert draft.published_at is None
    private = article("106")
    assert private.live
    restriction = PageViewRestriction.objects.get(page=private)
    assert restriction.restriction_type == PageViewRestriction.GROUPS
    assert {g.name for g in restriction.groups.all()} == {"Editors", "Moderators"}
    skipped = imported["kinds"]["post"]["skipped"]
    assert skipped == [{"id": "107", "reason": "status trash"}]


def test_private_post_is_not_shown_to_readers(imported, client):
    response = client.get(article("106").url)
    assert response.status_code == 302  # to the sign-in page
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]


def test_primary_category_is_the_section_and_the_others_become_tags(imported):
    ferry = article("101")
    assert ferry.get_parent().slug == "harbour"  # Yoast's primary, not the first (News)
    assert {t.name for t in ferry.tags.all()} == {"Ferries", "News"}
    assert article("102").get_parent().slug == "rowing"


def test_section_for_maps_several_categories_to_one_section(site_home, uploads):
    run_import(
        HARBOUR,
        media=uploads,
        extra=("--section-for", "rowing=sport", "--section-for", "regatta=sport"),
    )
    sport = SectionPage.objects.get(slug="sport")
    assert article("102").get_parent().pk == sport.pk
    assert article("103").get_parent().pk == sport.pk
    assert not SectionPage.objects.filter(slug__in=["rowing", "regatta"]).exists()


def test_authors_keep_their_order_and_nobody_becomes_the_importer(imported):
    ferry, regatta = article("101"), article("102")
    assert [a.author.name for a in ferry.article_authors.order_by("sort_order")] == ["Mira Finch"]
    byline = [a.author.name for a in regatta.article_authors.order_by("sort_order")]
    assert byline == ["Ines Vale", "Tor Olsen"]
    assert Author.objects.count() == 3


def test_attachments_become_photos_with_alt_caption_and_credit(imported):
    harbour = Photo.objects.get(
        pk=ImportedObject.objects.get(kind="attachment", wp_id="201").object_id
    )
    assert harbour.description == "Three trawlers in grey morning light"
    assert harbour.credit == "Lena Moritz"
    assert harbour.default_caption == "Boats leave the inner harbour at first light."
    slipway = Photo.objects.get(
        pk=ImportedObject.objects.get(kind="attachment", wp_id="202").object_id
    )
    assert slipway.description == "Hulls waiting for new paint."  # no alt: the caption
    attachments = imported["kinds"]["attachment"]
    assert {
        "id": "202",
        "notes": ["no alt text: used 'Hulls waiting for new paint.'"],
    } in attachments["warned"]
    skipped = {entry["id"]: entry["reason"] for entry in attachments["skipped"]}
    assert set(skipped) == {"203", "204"}
    assert "not an image" in skipped["203"]
    assert "lost.jpg is not in the media folder" in skipped["204"]


def test_featured_image_becomes_the_hero(imported):
    assert (
        article("101").hero_image_id
        == ImportedObject.objects.get(kind="attachment", wp_id="201").object_id
    )


def test_classic_body_gets_paragraphs_images_lists_and_quotes(imported):
    body = article("101").body
    kinds = [block.block_type for block in body]
    assert kinds == [
        "paragraph",
        "image",
        "subheading",
        "paragraph",
        "paragraph",
        "quote",
        "paragraph",
    ]
    assert body[0].value.source == (
        "<p>The harbour board has moved the first crossing to a quarter past six.<br/>"
        "Passengers with season tickets need not do anything.</p>"
    )
    assert body[1].value["caption"] == "The older ferry waits on the slipway"
    assert body[3].value.source == (
        "<ul><li>The <b>first</b> boat leaves earlier.</li>"
        "<li>The <i>last</i> boat leaves later.</li></ul>"
    )
    assert body[5].value["attribution"] == "Harbour board chair"
    assert body[6].value.source == '<p>[tidechart station="north"]</p>'


def test_block_editor_body_gets_its_blocks(imported):
    body = article("102").body
    kinds = [block.block_type for block in body]
    assert kinds == [
        "paragraph",
        "subheading",
        "image",
        "image",
        "image",
        "paragraph",
        "quote",
        "paragraph",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert body[2].value["caption"] == "Crews will start by the lighthouse."
    assert body[6].value["text"] == "Every club on the river wants a boat in it."


def test_rendered_bodies_show_no_image_from_the_old_site_and_link_to_new_pages(imported, client):
    ferry, regatta = article("101"), article("102")
    for page in (ferry, regatta):
        html = client.get(page.url).content.decode()
        sources = re.findall(r'<img[^>]+src="([^"]+)"', html)
        assert sources and not [s for s in sources if "quayside.example" in s]
        assert "quayside.example/2026" not in html
    assert f'href="{regatta.url}"' in client.get(ferry.url).content.decode()  # a later post
    assert f'href="{ferry.url}"' in client.get(regatta.url).content.decode()  # an earlier one
    about = PlainPage.objects.get(slug="about")
    assert f'href="{about.url}"' in client.get(ferry.url).content.decode()


def test_comments_keep_threading_state_author_and_date(imported):
    ferry = article("101")
    comments = {c.name: c for c in Comment.objects.filter(article=ferry)}
    first, answer, question = (
        comments["Harriet Quill"],
        comments["Tor Olsen"],
        comments["Pell Okafor"],
    )
    assert first.state == CommentState.APPROVED and first.parent is None
    assert answer.parent == first and answer.depth == 1 and answer.thread == first
    assert question.replied_to == answer and question.state == CommentState.PENDING
    assert (
        question.text
        == "Does the night bus still meet it? See the N4 page (https://buses.example.net/n4)."
    )
    assert comments["cheap-oars"].state == CommentState.SPAM
    assert comments["Deleted Person"].state == CommentState.REMOVED
    assert first.created_at == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    assert first.email == "harriet@example.net"
    assert first.ip_hash == hash_ip("192.0.2.10")
    assert imported["kinds"]["comment"]["skipped"] == [
        {"id": "505", "reason": "pingback (not a comment)"}
    ]


def test_pages_keep_their_hierarchy_even_when_a_child_comes_first(imported, client):
    about = PlainPage.objects.get(slug="about")
    team = PlainPage.objects.get(slug="team")
    assert team.get_parent().pk == about.pk
    assert about.get_parent().pk == imported_home_pk()
    response = client.get("/about/team/")
    assert response.status_code == 200
    assert "Four reporters and a photographer." in response.content.decode()
    assert "<p>Write to us at the quay office.</p>" in client.get("/about/").content.decode()


def imported_home_pk() -> int:
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page_id


def test_sticky_post_becomes_a_top_story(imported):
    assert list(TopStory.objects.values_list("article_id", flat=True)) == [article("101").pk]


def test_other_post_types_are_reported_not_dropped(imported):
    assert imported["kinds"]["nav_menu_item"]["skipped"] == [
        {"id": "401", "reason": "post type not imported"}
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2026/03/04/ferry-timetable-spring/", "post:101"),
        ("/?p=101", "post:101"),
        ("/2026/03/04/ferry-times/", "post:101"),  # _wp_old_slug
        ("/?page_id=301", "/about/"),
        ("/category/news/harbour/", "/harbour/"),
        ("/category/harbour/", "/harbour/"),
        ("/category/harbour/feed/", "/feeds/sections/harbour/rss/"),
        ("/tag/ferries/", "/topics/ferries/"),
        ("/tag/ferries/feed/", "/feeds/topics/ferries/rss/"),
        ("/author/mfinch/", "/authors/mira-finch/"),
        ("/author/mfinch/feed/", "/feeds/authors/mira-finch/rss/"),
        ("/harbour-at-dawn/", "post:101"),  # an attachment page: the post it belongs to
        ("/?attachment_id=202", "file:202"),  # attached to nothing: its file
        ("/wp-content/uploads/2026/03/harbour.jpg", "file:201"),
        ("/feed/", "/feeds/rss/"),
        ("/2026/03/04/ferry-timetable-spring/feed/", "comments:101"),
    ],
)
def test_every_old_address_answers_301_with_its_new_place(imported, client, old, new):
    kind, _, wp_id = new.partition(":")
    if kind == "post":
        new = article(wp_id).url
    elif kind == "file":
        new = Photo.objects.get(
            pk=ImportedObject.objects.get(kind="attachment", wp_id=wp_id).object_id
        ).file.url
    elif kind == "comments":
        new = f"/feeds/comments/{article(wp_id).pk}/rss/"
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_the_front_page_without_an_old_query_is_the_front_page(imported, client):
    assert client.get("/?utm_source=x").status_code == 200
    assert client.get("/?p=999999").status_code == 200


def test_imported_articles_are_found_by_the_site_search(imported, client):
    response = client.get("/search/", {"q": "night-shift"})
    assert "Ferry timetable changes for the spring" in response.content.decode()
    response = client.get("/search/", {"q": "breakwater"})
    assert "The regatta returns after five years" in response.content.decode()
