"""The purge rules: which surrogate keys each kind of change purges (pure functions)."""

from broadsheet.freshness import purge_rules
from broadsheet.freshness.purge_rules import ArticlePlaces


def test_an_article_change_purges_its_page_and_every_set_that_lists_it():
    places = ArticlePlaces(
        article_id=12, section_ids=(3, 7), topic_slugs=("ferries",), author_ids=(5, 9)
    )

    assert purge_rules.for_article(places) == {
        "page-12",
        "missing",
        "articles",
        "section-3",
        "section-7",
        "topic-ferries",
        "author-5",
        "author-9",
    }


def test_a_comment_change_purges_that_articles_comments_and_lists_of_any_comments():
    assert purge_rules.for_comment(12) == {"comments-12", "comments"}


def test_the_whole_site_is_one_key_every_page_names():
    assert purge_rules.for_whole_site() == {"site"}


def test_merge_sorts_drops_repeats_and_lets_the_site_key_cover_the_rest():
    article = purge_rules.for_article(ArticlePlaces(article_id=1, section_ids=(2,)))

    assert purge_rules.merge([article, purge_rules.for_comment(1)]) == [
        "articles",
        "comments",
        "comments-1",
        "missing",
        "page-1",
        "section-2",
    ]
    assert purge_rules.merge([article, purge_rules.for_whole_site()]) == ["site"]
