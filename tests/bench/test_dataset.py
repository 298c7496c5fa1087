"""The serving benchmark's bulk dataset builder (bench/dataset.py) makes a site that works.

Its articles skip Wagtail's add_child and save(), so these check what those would have done:
a sound page tree, the derived fields, the search index, and reader pages that answer.
"""

from collections import Counter

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from bench import dataset
from broadsheet.articles.models import ArticleAuthor, ArticlePage, SectionPage
from broadsheet.comments.models import Comment, CommentState
from broadsheet.site.search import parse_query, search_articles
from tests import factories
from tests.comments.helpers import post_comment

pytestmark = pytest.mark.django_db

ARTICLES = 253  # not a multiple of five: the sections get 51, 51, 51, 50 and 50
COMMENTS = 700


@pytest.fixture
def built():
    return dataset.build(ARTICLES, COMMENTS, "testserver", 80)


def _soup(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def _headlines(html: BeautifulSoup, selector: str = ".article-card__headline") -> list[str]:
    return [" ".join(h.get_text().split()) for h in html.select(selector)]


def _title(number: int) -> str:
    return f"Ferry report number {number}"


def test_page_tree_is_what_treebeard_would_have_built(built):
    assert all(problems == [] for problems in Page.find_problems())
    sections = list(SectionPage.objects.order_by("path"))
    assert [s.title for s in sections] == dataset.SECTIONS
    for index, section in enumerate(sections):
        expected = len(range(index, ARTICLES, len(sections)))
        assert section.numchild == expected == section.get_children().count()
        first = section.get_children().first().specific
        assert first.title == _title(index)  # children in creation order
        assert first.url_path == f"{section.url_path}ferry-report-{index}/"
    # The tree takes normal additions afterwards: the next path and id are free.
    later = factories.make_article(sections[0], title="Added the usual way", slug="usual")
    assert later.get_parent().specific == sections[0]
    assert all(problems == [] for problems in Page.find_problems())


def test_articles_carry_the_fields_wagtail_and_save_would_set(built):
    article = ArticlePage.objects.get(pk=built["article_id"])
    assert article.title == article.draft_title == _title(0)
    assert article.live and not article.has_unpublished_changes
    assert article.first_published_at == article.last_published_at
    assert (
        article.first_published_at
        == ArticlePage.objects.order_by("-first_published_at").first().first_published_at
    )
    assert article.locale_id == article.get_parent().locale_id
    assert len(set(ArticlePage.objects.values_list("translation_key", flat=True))) == ARTICLES
    assert article.word_count == article.compute_word_count() > 200
    assert article.reading_minutes == article.compute_reading_minutes()
    assert article.published_digest == article.text_digest()
    other = ArticlePage.objects.get(slug="ferry-report-137")
    assert other.published_digest == other.text_digest() != article.published_digest
    bylines = Counter(ArticleAuthor.objects.values_list("author__slug", flat=True))
    assert len(bylines) == dataset.AUTHORS and sum(bylines.values()) == ARTICLES


def test_comment_counts_are_exact(built):
    per_article = Counter(
        Comment.objects.filter(state=CommentState.APPROVED).values_list("article_id", flat=True)
    )
    assert sum(per_article.values()) == Comment.objects.count() == COMMENTS
    assert per_article.pop(built["article_id"]) == dataset.MEASURED_COMMENTS
    rest = COMMENTS - dataset.MEASURED_COMMENTS
    assert len(per_article) == ARTICLES - 1
    assert set(per_article.values()) == {rest // (ARTICLES - 1), rest // (ARTICLES - 1) + 1}


def test_measured_article_answers_with_its_fifty_comments(client, built):
    assert built["article"] == "/city/ferry-report-0/" and built["section"] == "/city/"
    html = _soup(client, built["article"])
    assert html.find("h1").get_text(strip=True) == _title(0)
    shown = html.select("ol.comment-list > li")
    assert len(shown) == dataset.MEASURED_COMMENTS
    assert "Comment 0:" in shown[0].get_text()


def test_measured_article_takes_a_comment_post(client, built):
    article = ArticlePage.objects.get(pk=built["article_id"])
    response = post_comment(client, article, json=True)
    assert response.status_code == 201 and response.json()["ok"]
    assert Comment.objects.filter(article=article).count() == dataset.MEASURED_COMMENTS + 1


def test_section_pages_list_newest_first(client, built):
    city = [_title(n) for n in range(0, ARTICLES, len(dataset.SECTIONS))]  # every fifth
    assert _headlines(_soup(client, "/city/")) == city[:20]
    assert built["deep"] == 2  # 253 articles: the formula asks for page 2
    assert _headlines(_soup(client, f"/city/?page={built['deep']}")) == city[20:40]


def test_front_page_and_feed_show_the_newest(client, built):
    assert _title(0) in _headlines(_soup(client, "/"))
    feed = feedparser.parse(client.get("/feeds/rss/").content)
    assert feed.entries[0].title == _title(0)


def test_search_finds_the_articles(client, built):
    assert search_articles(None, parse_query("ferry")).total == ARTICLES
    assert search_articles(None, parse_query("brennock")).total == ARTICLES  # body text
    assert search_articles(None, parse_query('"Writer 7"')).total > 0  # bylines
    found = _headlines(_soup(client, "/search/?q=ferry"), ".result__headline")
    assert len(found) == 20 and all(title.startswith("Ferry report number") for title in found)


def test_small_sizes_work(db):
    built = dataset.build(1, 3, "testserver", 80)
    assert Comment.objects.filter(article_id=built["article_id"]).count() == 3
    assert built["deep"] == 1
    assert all(problems == [] for problems in Page.find_problems())
