"""New posts are written in batches (``actions/newposts.py``, ``actions/pagerows.py``) and end
as pages an editor makes in the admin do: the same fields, tree and history, they serve, they
edit and republish, and Wagtail's tree check finds nothing wrong."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bench.wxr_import import write_export
from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.comments.models import Comment
from broadsheet.wordpress.context import Options
from broadsheet.wordpress.importer import import_wxr
from broadsheet.wordpress.tree import child_paths
from tests.articles.test_admin import add_url, article_form
from tests.wordpress.conftest import HARBOUR, run_import
from tests.wordpress.test_import import article

pytestmark = pytest.mark.django_db

# Set by Wagtail for any new page, whoever makes it; compared between the two ways in.
SAME = ["depth", "locale_id", "content_type_id", "live", "has_unpublished_changes", "expired"]


def tree_problems() -> list:
    return [problem for problem in Page.find_problems() if problem]


def test_child_paths_are_the_ones_add_child_gives(site_home):
    section = site_home.add_child(instance=SectionPage(title="Tide", slug="tide"))
    expected = child_paths(section.path, None, 3, steplen=Page.steplen, alphabet=Page.alphabet)
    made = [section.add_child(instance=SectionPage(title=f"T{n}", slug=f"t{n}")) for n in range(3)]
    assert [page.path for page in made] == expected
    after = child_paths(section.path, made[-1].path, 2, steplen=4, alphabet=Page.alphabet)
    more = [section.add_child(instance=SectionPage(title=f"U{n}", slug=f"u{n}")) for n in range(2)]
    assert [page.path for page in more] == after
    assert child_paths("0001", "0001000Z", 2, steplen=4, alphabet=Page.alphabet) == [
        "00010010",
        "00010011",
    ]


def test_an_imported_article_has_what_an_article_published_in_the_admin_has(imported, admin_client):
    ferry = article("101")
    section = ferry.get_parent().specific
    author = ferry.article_authors.first().author
    response = admin_client.post(add_url(section), {**article_form(author), "action-publish": "1"})
    assert response.status_code == 302
    edited = ArticlePage.objects.get(slug="new-ferry-route")

    for page in (ferry, edited):
        assert [getattr(page, name) for name in SAME] == [getattr(edited, n) for n in SAME]
        assert page.url_path == f"{section.url_path}{page.slug}/"
        assert page.draft_title == page.title
        assert page.live_revision == page.latest_revision
        assert page.latest_revision_created_at == page.latest_revision.created_at
        assert page.latest_revision.object_id == str(page.pk)
        assert page.latest_revision.base_content_type.model_class() is Page
        history = PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
        assert "wagtail.create" in history
        # What the page's own save derives, as the model works it out from this version.
        assert page.reading_minutes == page.compute_reading_minutes()
        assert page.word_count == page.compute_word_count()
        assert page.published_digest == page.text_digest()
    stored = ferry.latest_revision.content
    assert set(stored) == set(edited.latest_revision.content)
    bylines = [link["pk"] for link in stored["article_authors"]]
    assert bylines == list(ferry.article_authors.values_list("pk", flat=True))
    assert ferry.translation_key != edited.translation_key
    section.refresh_from_db()
    assert section.numchild == section.get_children().count() == 2
    assert tree_problems() == []


def test_an_imported_draft_is_a_draft_with_its_revision(imported):
    draft = article("104")
    assert not draft.live and draft.has_unpublished_changes
    assert draft.latest_revision is not None and draft.live_revision is None
    assert draft.first_published_at is None and draft.published_at is None


def test_an_imported_article_edits_and_republishes_in_the_admin(imported, admin_client, client):
    ferry = article("101")
    link = ferry.article_authors.first()
    edit = f"/admin/pages/{ferry.pk}/edit/"
    revisions = ferry.revisions.count()
    assert admin_client.get(edit).status_code == 200
    form = nested_form_data(
        {
            "title": "Ferry timetable changes again",
            "slug": ferry.slug,
            "standfirst": ferry.standfirst,
            "article_authors": inline_formset(
                [{"id": link.pk, "author": link.author_id}], initial=1, min=1
            ),
            "published_at": ferry.published_at.strftime("%Y-%m-%d %H:%M"),
            "hero_caption": "",
            "body": streamfield([("paragraph", rich_text("<p>The late boat stays.</p>"))]),
            "tags": ", ".join(ferry.tags.names()),
            "source_outlet": "",
            "source_headline": "",
            "source_url": "",
            "corrections": inline_formset([]),
            "go_live_at": "",
            "expire_at": "",
        }
    )
    response = admin_client.post(edit, {**form, "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]

    ferry.refresh_from_db()
    assert ferry.title == "Ferry timetable changes again"
    assert ferry.revisions.count() == revisions + 1
    assert ferry.live_revision == ferry.latest_revision
    assert ferry.was_updated  # the text changed since the import
    page = client.get(ferry.url)
    assert page.status_code == 200
    assert b"The late boat stays." in page.content
    assert tree_problems() == []


def test_without_deferred_indexing_batched_posts_are_found_by_search(site_home, uploads, client):
    # As the admin's import runs on the worker: indexing on save stays connected.
    import_wxr([HARBOUR], options=Options(media_dir=str(uploads)))
    response = client.get("/search/", {"q": "night-shift"})
    assert "Ferry timetable changes for the spring" in response.content.decode()
    ferry = article("101")
    assert ReferenceIndex.get_references_for_object(ferry).exists()


def test_new_posts_are_written_a_few_queries_each_whatever_their_comments(site_home, tmp_path):
    export = tmp_path / "export.xml"
    write_export(export, posts=60, comments=10, kilobytes=1)
    with CaptureQueriesContext(connection) as queries:
        report = run_import(export)
    assert report["kinds"]["post"]["counts"]["created"] == 60
    assert Comment.objects.count() == 600
    # One at a time, a post and its ten comments took about a hundred queries.
    assert len(queries) < 60 * 25
    assert tree_problems() == []


def test_a_post_that_cannot_be_imported_is_skipped_alone(site_home, tmp_path):
    export = tmp_path / "export.xml"
    write_export(export, posts=30, comments=2, kilobytes=1)
    # Post 1 "published" in the future: its publication date is refused, as in the admin.
    text = export.read_text().replace(
        "<wp:post_date_gmt>2025-05-02 09:00:00", "<wp:post_date_gmt>2099-05-02 09:00:00", 1
    )
    export.write_text(text)
    report = run_import(export)
    post = report["kinds"]["post"]
    assert [entry["id"] for entry in post["skipped"]] == ["1"]
    assert post["skipped"][0]["reason"].startswith("could not be imported")
    assert post["created"] == [str(n) for n in range(2, 31)]
    assert ArticlePage.objects.count() == 29
    assert Comment.objects.count() == 58
    assert tree_problems() == []
