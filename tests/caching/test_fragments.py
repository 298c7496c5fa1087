"""Shared fragments of the article page: reused between anonymous readers, gone on every change.

Each test renders the page once (storing its fragments), changes something the way the
newsroom does, and checks the very next anonymous request shows the change.
"""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.articles.models import Author
from broadsheet.caching import fragments
from broadsheet.caching.middleware import VOLATILE
from broadsheet.caching.models import Generation
from broadsheet.comments.actions import approve_comment, close_comments, reject_comment
from broadsheet.comments.models import Comment, CommentState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    home = factories.make_home()
    section = factories.make_section(home)
    author = factories.make_author()
    return factories.make_article(
        section,
        title="Ferry timetable changes",
        authors=[author],
        body=factories.paragraphs("The first sailing leaves at six."),
    )


def page(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def body_text(client, article) -> str:
    return page(client, article.url).find(class_="article__body").get_text(" ", strip=True)


def comment_texts(client, article) -> list[str]:
    found = page(client, article.url).select("#comments .comment__text")
    return [node.get_text(strip=True) for node in found]


def add_comment(article, text: str, state: str = CommentState.APPROVED) -> Comment:
    return Comment.objects.create(article=article, name="Ivo Marsh", text=text, state=state)


def rendered(client, url: str) -> bytes:
    """The page without the comment form's token, which names the second it was made in (as
    the ETag leaves it out: ``caching.middleware.VOLATILE``)."""
    return VOLATILE.sub(rb'\1"', client.get(url).content)


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_second_anonymous_request_reuses_the_fragments(client, article):
    first = queries_for(client, article.url)
    second = queries_for(client, article.url)
    assert second < first
    assert rendered(client, article.url) == rendered(client, article.url)


def test_publishing_an_edit_shows_at_once(client, article):
    assert body_text(client, article) == "The first sailing leaves at six."
    article.body = factories.paragraphs("The first sailing now leaves at half past six.")
    article.save_revision().publish()
    assert body_text(client, article) == "The first sailing now leaves at half past six."


def test_a_draft_never_reaches_readers_and_previews_never_use_shared_fragments(
    client, admin_client, article
):
    body_text(client, article)
    article.body = factories.paragraphs("Draft: sailings may stop in winter.")
    draft = article.save_revision()  # saved, not published
    assert body_text(client, article) == "The first sailing leaves at six."
    preview = admin_client.get(f"/admin/pages/{article.pk}/revisions/{draft.pk}/view/")
    assert b"Draft: sailings may stop in winter." in preview.content
    assert body_text(client, article) == "The first sailing leaves at six."


def test_approving_a_comment_shows_it_at_once(client, article, admin_user):
    held = add_comment(article, "Will the cafe open earlier too?", CommentState.PENDING)
    assert comment_texts(client, article) == []
    approve_comment(comment=held, actor=admin_user)
    assert comment_texts(client, article) == ["Will the cafe open earlier too?"]


def test_rejecting_a_comment_hides_it_at_once(client, article, admin_user):
    shown = add_comment(article, "Buy cheap watches here")
    assert comment_texts(client, article) == ["Buy cheap watches here"]
    reject_comment(comment=shown, actor=admin_user)
    assert comment_texts(client, article) == []


def test_closing_comments_removes_the_form_and_reply_links(client, article, admin_user):
    add_comment(article, "Good news for the night shift.")
    before = page(client, article.url)
    assert before.select(".comment__reply") and before.find("form", class_="comment-form")
    close_comments(article=article, actor=admin_user)
    after = page(client, article.url)
    assert not after.select(".comment__reply")
    assert "Comments are closed." in after.get_text()


def test_a_new_article_in_the_section_updates_what_follows(client, article):
    assert page(client, article.url).find(rel="next") is None
    newer = factories.make_article(article.get_parent().specific, title="Quay car park reopens")
    assert page(client, article.url).find(rel="next")["href"] == newer.url


def test_renaming_an_author_updates_the_page(client, article):
    page(client, article.url)
    author = Author.objects.get(slug="ada-brennan")
    author.name = "Ada Brennan-Moss"
    author.save()
    assert "Ada Brennan-Moss" in page(client, article.url).find(class_="article__byline").text


def test_signed_in_readers_get_their_own_comment_section(client, article, django_user_model):
    reader = django_user_model.objects.create_user("rhea", "rhea@reader.example", "pw")
    mine = Comment.objects.create(
        article=article, name="Rhea", text="My own note.", user=reader, state="approved"
    )
    anonymous = page(client, article.url)  # stores the shared threads
    assert not anonymous.find("a", href=f"/comments/{mine.pk}/delete/")
    client.force_login(reader)
    signed_in = page(client, article.url)
    assert signed_in.find("a", string="Delete")
    client.logout()
    assert not page(client, article.url).find("a", string="Delete")


def test_a_rolled_back_or_restored_generation_never_meets_old_fragments(client, article):
    body_text(client, article)
    before = Generation.objects.get(key=fragments.CONTENT).value
    Generation.objects.all().delete()  # as after restoring an older backup
    body_text(client, article)
    after = Generation.objects.get(key=fragments.CONTENT).value
    assert after != before and after not in (0, 1)


def test_timeout_zero_turns_fragments_off(client, article, settings):
    settings.BROADSHEET_FRAGMENT_CACHE_TIMEOUT = 0
    client.get(article.url)  # warm Wagtail's site-root cache
    first = queries_for(client, article.url)
    assert queries_for(client, article.url) == first


def test_search_results_follow_publishing_and_unpublishing(client, article):
    def found() -> list[str]:
        results = page(client, "/search/?q=ferry")
        return [link.get_text(" ", strip=True) for link in results.select(".result__headline a")]

    assert found() == ["Ferry timetable changes"]
    newer = factories.make_article(article.get_parent().specific, title="Ferry fares frozen")
    assert sorted(found()) == ["Ferry fares frozen", "Ferry timetable changes"]
    newer.unpublish()
    assert found() == ["Ferry timetable changes"]


def test_the_front_page_shows_a_new_article_at_once_and_drops_an_unpublished_one(client, article):
    def headlines() -> list[str]:
        return [a.get_text(" ", strip=True) for a in page(client, "/").select("main h3 a")]

    assert headlines() == ["Ferry timetable changes"]
    newer = factories.make_article(article.get_parent().specific, title="Night buses return")
    assert headlines()[0] == "Night buses return"
    newer.unpublish()
    assert headlines() == ["Ferry timetable changes"]


def test_a_section_listing_follows_publishing_and_still_refuses_pages_past_the_end(client, article):
    section = article.get_parent().specific

    def headlines() -> list[str]:
        found = page(client, section.url).select(".article-list h2 a, .article-list h3 a")
        return [a.get_text(" ", strip=True) for a in found]

    assert headlines() == ["Ferry timetable changes"]
    factories.make_article(section, title="Harbour wall repaired")
    assert headlines() == ["Harbour wall repaired", "Ferry timetable changes"]
    assert client.get(f"{section.url}?page=2").status_code == 404
    assert client.get(f"{section.url}?page=2").status_code == 404


def test_closing_comments_in_the_site_settings_shows_at_once(client, article):
    from broadsheet.comments.models import CommentSettings
    from broadsheet.comments.models.policy import Mode

    assert page(client, article.url).find("form", class_="comment-form")
    settings = CommentSettings.for_site(article.get_site())
    settings.mode = Mode.CLOSED
    settings.save()
    after = page(client, article.url)
    assert not after.find("form", class_="comment-form")
    assert "Comments are closed." in after.get_text()


def test_making_an_article_private_takes_it_off_the_front_page_at_once(client, article):
    from wagtail.models import PageViewRestriction

    def headlines() -> list[str]:
        return [a.get_text(" ", strip=True) for a in page(client, "/").select("main h3 a")]

    other = factories.make_article(article.get_parent().specific, title="Night buses return")
    assert headlines() == ["Night buses return", "Ferry timetable changes"]
    PageViewRestriction.objects.create(page=other, restriction_type="password", password="x")
    assert headlines() == ["Ferry timetable changes"]


def test_each_process_keeps_its_latest_fragments_within_a_byte_budget():
    nearby = fragments._Nearby(max_bytes=8000)
    nearby.put("a", "x" * 900, 60)
    nearby.put("b", "y" * 900, 60)
    nearby.put("too-big", "z" * 1001, 60)  # over an eighth of the budget: never kept
    assert nearby.get("a") == "x" * 900  # "a" is now the latest used
    for n in range(7):
        nearby.put(f"c{n}", "c" * 900, 60)

    assert nearby.get("too-big") is None
    assert nearby.get("b") is None  # the oldest use went first
    assert nearby.get("a") == "x" * 900
    assert nearby.size <= 8000
    nearby.put("gone", "g", 0)
    assert nearby.get("gone") is None  # expired
