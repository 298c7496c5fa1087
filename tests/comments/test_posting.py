"""Readers post and reply through HTTP, as guests and signed in, with and without the script."""

import pytest

from broadsheet.comments.actions import feature_comment
from broadsheet.comments.models import Comment, CommentState
from tests.comments.helpers import comments_section, last_comment, post_comment, soup

pytestmark = pytest.mark.django_db


def test_article_shows_heading_with_visible_count_and_the_form(client, article):
    section = comments_section(client, article.url)
    assert section.find("h2").get_text(strip=True) == "Comments (0)"
    form = section.find("form", id="comment-form")
    assert form.find(class_="comment-form__heading").get_text(strip=True) == "Leave a Comment"
    names = {field.get("name") for field in form.find_all(["input", "textarea"])}
    assert {"name", "email", "text", "notify_replies", "website", "token", "parent"} <= names
    checkbox = form.find("input", attrs={"name": "notify_replies"})
    assert checkbox["type"] == "checkbox"
    assert checkbox.find_parent("label").get_text(strip=True) == "Notify me of replies"


def test_guest_post_published_and_shown_under_the_article(client, article, comment_settings):
    response = post_comment(client, article, text="Good news for the Tuesday market.")
    comment = last_comment()
    assert comment.state == CommentState.APPROVED
    assert response.status_code == 302
    status = client.get(response["Location"])
    assert "Your comment is published" in status.content.decode()
    section = comments_section(client, article.url)
    assert section.find("h2").get_text(strip=True) == "Comments (1)"
    item = section.find("li", id=f"comment-{comment.pk}")
    assert item.find(class_="comment__author").get_text() == "Tamsin Reed"
    assert "Good news for the Tuesday market." in item.find(class_="comment__text").get_text()


def test_guest_email_is_never_rendered(client, article, comment_settings):
    post_comment(client, article, email="hidden.address@reader.example")
    assert b"hidden.address" not in client.get(article.url).content


def test_first_comment_of_a_new_commenter_awaits_moderation(client, article):
    response = post_comment(client, article)
    comment = last_comment()
    assert comment.state == CommentState.PENDING
    status = client.get(response["Location"])
    assert "Your comment is awaiting moderation." in status.content.decode()
    section = comments_section(client, article.url)
    assert section.find("h2").get_text(strip=True) == "Comments (0)"
    assert section.find("li", id=f"comment-{comment.pk}") is None


def test_status_page_has_a_heading_and_a_title_naming_the_article(client, article):
    page = soup(client.get(post_comment(client, article)["Location"]))
    assert [h1.get_text(strip=True) for h1 in page.find_all("h1")] == ["Your comment"]
    assert page.title.get_text() == "Your comment – Sallow ferry timetable changes – Broadsheet"
    assert page.find(class_="comments__notice").get_text() == "Your comment is awaiting moderation."


def test_status_page_needs_its_signed_token(client, article):
    response = post_comment(client, article)
    comment = last_comment()
    assert client.get(response["Location"]).status_code == 200
    assert client.get(f"/comments/{comment.pk}/status/").status_code == 404
    assert client.get(f"/comments/{comment.pk}/status/?t=forged").status_code == 404


def test_post_with_script_answers_json_with_the_rendered_comment(client, article, comment_settings):
    response = post_comment(client, article, json=True, text="Posted in place.")
    assert response.status_code == 201
    data = response.json()
    assert data["visible"] is True
    assert data["message"] == "Your comment is published."
    assert "Posted in place." in data["html"]
    assert f'id="comment-{data["id"]}"' in data["html"]


def test_post_with_script_says_awaiting_moderation_when_held(client, article):
    data = post_comment(client, article, json=True).json()
    assert data == {
        "ok": True,
        "id": last_comment().pk,
        "visible": False,
        "message": "Your comment is awaiting moderation.",
    }


def test_signed_in_reader_comments_without_name_or_email(client, article, reader, comment_settings):
    client.force_login(reader)
    page = comments_section(client, article.url)
    form = page.find("form", id="comment-form")
    assert form.find("input", attrs={"name": "name"}) is None
    assert "Commenting as Rhea Calloway." in form.get_text()
    post_comment(client, article, name=None, email=None, text="From my account.")
    comment = last_comment()
    assert (comment.name, comment.email, comment.user) == (
        "Rhea Calloway",
        "rhea@reader.example",
        reader,
    )
    assert comment.state == CommentState.APPROVED


def test_guest_must_give_name_and_email(client, article):
    response = post_comment(client, article, name="", email="")
    assert response.status_code == 400
    page = soup(response)
    assert page.find("textarea", attrs={"name": "text"}).get_text() == (
        "The early sailing suits the market traders."
    )
    assert not Comment.objects.exists()


def test_too_long_comment_is_refused_with_text_kept(client, article, comment_settings):
    comment_settings.max_length = 50
    comment_settings.save()
    response = post_comment(client, article, text="x" * 60)
    assert response.status_code == 400
    assert "x" * 60 in response.content.decode()
    assert not Comment.objects.exists()


def _thread(client, article, depth):
    """A chain of replies ``depth`` deep; returns the comments top first."""
    chain = []
    for level in range(depth):
        parent = chain[-1].pk if chain else ""
        post_comment(
            client,
            article,
            parent=parent,
            text=f"Level {level}",
            email=f"l{level}@r.example",
            ip=f"10.2.0.{level}",
        )
        chain.append(last_comment())
    return chain


def test_replies_nest_up_to_max_depth(client, article, comment_settings):
    chain = _thread(client, article, 3)
    assert [c.depth for c in chain] == [0, 1, 2]
    assert [c.parent_id for c in chain] == [None, chain[0].pk, chain[1].pk]
    section = comments_section(client, article.url)
    deepest = section.find("li", id=f"comment-{chain[2].pk}")
    assert deepest.find_parent("li", id=f"comment-{chain[1].pk}") is not None
    assert deepest.find(class_="comment__in-reply-to") is None


def test_reply_deeper_than_max_depth_attaches_to_deepest_and_names_whom_it_answers(
    client, article, comment_settings
):
    chain = _thread(client, article, 3)
    post_comment(
        client, article, parent=chain[2].pk, text="Too deep", name="Oren Vale", ip="10.2.1.1"
    )
    reply = last_comment()
    assert reply.depth == 2
    assert reply.parent_id == chain[1].pk
    assert reply.replied_to_id == chain[2].pk
    section = comments_section(client, article.url)
    item = section.find("li", id=f"comment-{reply.pk}")
    assert item.find_parent("li", id=f"comment-{chain[1].pk}") is not None
    note = item.find(class_="comment__in-reply-to")
    assert note.get_text(" ", strip=True) == "in reply to Tamsin Reed"
    assert note.a["href"] == f"#comment-{chain[2].pk}"


def test_reply_page_works_without_script(client, article, comment_settings):
    post_comment(client, article)
    parent = last_comment()
    page = soup(client.get(f"/comments/{parent.pk}/reply/"))
    form = page.find("form", id="comment-form")
    assert form.find("input", attrs={"name": "parent"})["value"] == str(parent.pk)
    assert "Replying to Tamsin Reed" in form.get_text()


def test_reply_to_a_hidden_comment_is_refused(client, article):
    post_comment(client, article)
    pending = last_comment()
    response = post_comment(
        client, article, parent=pending.pk, email="other@r.example", ip="10.5.0.1"
    )
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def test_sorting_and_featured_first(client, article, comment_settings):
    for n in range(3):
        post_comment(
            client, article, text=f"Comment {n}", email=f"s{n}@r.example", ip=f"10.3.0.{n}"
        )
    first, second, third = Comment.objects.order_by("pk")
    Comment.objects.filter(pk=second.pk).update(like_count=5)

    def order(query):
        section = comments_section(client, article.url + query)
        return [int(li["data-comment"]) for li in section.select("ol.comment-list > li")]

    assert order("") == [first.pk, second.pk, third.pk]
    assert order("?sort=newest") == [third.pk, second.pk, first.pk]
    assert order("?sort=liked") == [second.pk, first.pk, third.pk]
    feature_comment(comment=third, actor=None)
    assert order("")[0] == third.pk
    featured = comments_section(client, article.url).find("li", id=f"comment-{third.pk}")
    assert featured.find(class_="comment__featured").get_text() == "Featured"


def test_pagination_of_threads_and_permalinks_open_the_right_page(
    client, article, comment_settings
):
    comment_settings.page_size = 2
    comment_settings.save()
    for n in range(5):
        post_comment(client, article, text=f"Thread {n}", email=f"p{n}@r.example", ip=f"10.4.0.{n}")
    comments = list(Comment.objects.order_by("pk"))
    page2 = comments_section(client, article.url + "?page=2")
    shown = [int(li["data-comment"]) for li in page2.select("ol.comment-list > li")]
    assert shown == [comments[2].pk, comments[3].pk]
    pages = page2.find(class_="comments__pages")
    assert pages.find("a", rel="prev")["href"] == "?#comments"
    assert pages.find("a", rel="next")["href"] == "?page=3#comments"
    newest = comments_section(client, article.url + "?sort=newest&page=2")
    assert newest.find("a", rel="next")["href"] == "?sort=newest&page=3#comments"
    response = client.get(f"/comments/{comments[4].pk}/")
    assert response["Location"] == f"{article.url}?page=3#comment-{comments[4].pk}"
    response = client.get(f"/comments/{comments[0].pk}/")
    assert response["Location"] == f"{article.url}#comment-{comments[0].pk}"
