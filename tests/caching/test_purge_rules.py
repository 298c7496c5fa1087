"""The purge rules: which cached URLs each kind of change invalidates."""

import re

from django.urls import reverse

from broadsheet.comments.selectors import DEFAULT_SORT, SORT_LABELS
from broadsheet.feeds.generators import FEED_TYPES
from broadsheet.freshness import purge_rules
from broadsheet.freshness.purge_rules import ArticlePlaces, Scope, Target

ROOT = "https://courier.example"


def article() -> ArticlePlaces:
    return ArticlePlaces(
        root_url=ROOT,
        paths=("/city/harbour-bridge-reopens/",),
        section_paths=("/city/",),
        topic_paths=("/topics/bridges/", "/topics/river-sallow/"),
        author_paths=("/authors/ada-brennan/",),
    )


def test_article_change_purges_every_page_that_shows_the_article():
    targets = purge_rules.for_article(article())

    assert targets == {
        Target(ROOT, "/city/harbour-bridge-reopens/", Scope.TREE),
        Target(ROOT, "/city/", Scope.LISTING),
        Target(ROOT, "/", Scope.LISTING),
        Target(ROOT, "/topics/bridges/", Scope.LISTING),
        Target(ROOT, "/topics/river-sallow/", Scope.LISTING),
        Target(ROOT, "/authors/ada-brennan/", Scope.LISTING),
        Target(ROOT, "/feeds/", Scope.TREE),
        Target(ROOT, "/search/", Scope.TREE),
        Target(ROOT, "/archive/", Scope.TREE),
        Target(ROOT, "/sitemap.xml", Scope.LISTING),
        Target(ROOT, "/sitemap-news.xml", Scope.LISTING),
        Target(ROOT, "/sitemap-pages.xml", Scope.LISTING),
        Target(ROOT, "/sitemap-articles.xml", Scope.LISTING),
        Target(ROOT, "/sitemap-authors.xml", Scope.LISTING),
        Target(ROOT, "/sitemap-topics.xml", Scope.LISTING),
    }


def test_moved_article_purges_old_and_new_address_and_both_sections():
    facts = ArticlePlaces(
        root_url=ROOT,
        paths=("/city/ferry-timetable/", "/harbour/ferry-timetable/"),
        section_paths=("/city/", "/harbour/"),
    )

    targets = purge_rules.for_article(facts)

    for path in facts.paths:
        assert Target(ROOT, path, Scope.TREE) in targets
    for path in ("/city/", "/harbour/", "/sitemap-articles.xml"):
        assert Target(ROOT, path, Scope.LISTING) in targets


def test_sitemap_parts_purged_are_the_ones_the_site_serves():
    from broadsheet.feeds.sitemaps import SECTIONS

    served = {"/sitemap.xml", "/sitemap-news.xml"} | {f"/sitemap-{name}.xml" for name in SECTIONS}
    assert set(purge_rules.SITEMAPS) == served


def test_comment_change_purges_the_article_comment_feeds_and_front_page():
    targets = purge_rules.for_comment(ROOT, ["/city/harbour-bridge-reopens/"])

    assert targets == {
        Target(ROOT, "/city/harbour-bridge-reopens/", Scope.TREE),
        Target(ROOT, "/feeds/comments/", Scope.TREE),
        Target(ROOT, "/", Scope.LISTING),
    }


def test_whole_site_is_one_tree_from_the_root():
    assert purge_rules.for_whole_site(ROOT) == {Target(ROOT, "/", Scope.TREE)}


def test_merge_drops_targets_covered_by_a_tree_and_sorts():
    targets = [
        Target(ROOT, "/feeds/rss/", Scope.EXACT),
        Target(ROOT, "/feeds/", Scope.TREE),
        Target(ROOT, "/city/", Scope.LISTING),
        Target(ROOT, "/city/", Scope.EXACT),
        Target("https://other.example", "/city/", Scope.EXACT),
    ]

    assert purge_rules.merge(targets) == [
        Target(ROOT, "/city/", Scope.LISTING),
        Target(ROOT, "/feeds/", Scope.TREE),
        Target("https://other.example", "/city/", Scope.EXACT),
    ]


def test_whole_site_swallows_everything_else_on_that_site():
    targets = purge_rules.for_article(article()) | purge_rules.for_whole_site(ROOT)

    assert purge_rules.merge(targets) == [Target(ROOT, "/", Scope.TREE)]


def test_ban_patterns_match_what_each_scope_promises():
    listing = re.compile(purge_rules.ban_pattern(Target(ROOT, "/city/", Scope.LISTING)))
    tree = re.compile(purge_rules.ban_pattern(Target(ROOT, "/city/a-b/", Scope.TREE)))
    exact = re.compile(purge_rules.ban_pattern(Target(ROOT, "/sitemap.xml", Scope.EXACT)))

    assert listing.search("/city/") and listing.search("/city/?page=12")
    assert not listing.search("/city/a-b/") and not listing.search("/cityscape/")
    assert tree.search("/city/a-b/") and tree.search("/city/a-b/?page=3")
    assert tree.search("/city/a-b/comments/2/") and not tree.search("/city/a-bc/")
    assert exact.search("/sitemap.xml") and not exact.search("/sitemapXxml")


def test_caches_without_ban_get_the_first_pages_of_a_listing():
    listing = Target(ROOT, "/city/", Scope.LISTING)

    assert purge_rules.single_urls([listing], 3) == [
        f"{ROOT}/city/",
        f"{ROOT}/city/?page=2",
        f"{ROOT}/city/?page=3",
    ]
    assert purge_rules.single_urls([Target(ROOT, "/x.xml", Scope.EXACT)], 3) == [f"{ROOT}/x.xml"]


def test_caches_without_ban_get_every_url_an_article_change_names():
    urls = purge_rules.single_urls(purge_rules.merge(purge_rules.for_article(article())), 2)

    expected = {
        "/city/harbour-bridge-reopens/",
        "/city/harbour-bridge-reopens/?page=2",
        "/city/harbour-bridge-reopens/?sort=newest",
        "/city/harbour-bridge-reopens/?sort=liked",
        "/city/",
        "/city/?page=2",
        "/",
        "/topics/bridges/?page=2",
        "/authors/ada-brennan/",
        "/search/",
        "/archive/",
        "/sitemap.xml",
        "/sitemap-articles.xml?p=2",
        *(
            f"/feeds/{scope}{fmt}/"
            for scope in ("", "sections/city/", "topics/bridges/", "topics/river-sallow/",
                          "authors/ada-brennan/")
            for fmt in ("rss", "atom", "json")
        ),
    }  # fmt: skip
    assert expected <= {url.removeprefix(ROOT) for url in urls}
    assert f"{ROOT}/feeds/" not in urls and f"{ROOT}/search/?page=2" not in urls
    assert f"{ROOT}/sitemap.xml?page=2" not in urls


def test_caches_without_ban_cannot_name_comment_feeds_and_purge_the_rest():
    targets = purge_rules.merge(purge_rules.for_comment(ROOT, ["/city/harbour-bridge-reopens/"]))

    urls = {url.removeprefix(ROOT) for url in purge_rules.single_urls(targets, 2)}

    assert urls == {
        "/",
        "/?page=2",
        "/city/harbour-bridge-reopens/",
        "/city/harbour-bridge-reopens/?page=2",
        "/city/harbour-bridge-reopens/?sort=newest",
        "/city/harbour-bridge-reopens/?sort=liked",
    }


def test_targets_survive_the_trip_through_the_task_queue():
    target = Target(ROOT, "/city/", Scope.LISTING)

    assert Target.from_dict(target.as_dict()) == target


def test_what_caches_without_ban_are_told_matches_the_feeds_and_comment_orders():
    assert set(purge_rules.FEED_FORMATS) == set(FEED_TYPES)
    assert set(purge_rules.COMMENT_ORDERS) == set(SORT_LABELS) - {DEFAULT_SORT}
    urls = purge_rules.single_urls(purge_rules.merge(purge_rules.for_article(article())), 1)
    for name, kwargs in (
        ("feeds:site", {}),
        ("feeds:section", {"slug": "city"}),
        ("feeds:topic", {"slug": "bridges"}),
        ("feeds:author", {"slug": "ada-brennan"}),
    ):
        assert ROOT + reverse(name, kwargs={**kwargs, "fmt": "atom"}) in urls, name
