"""The breaking news banner: set and taken down from the admin (or from an article), shown on
every page, and, behind a cache that assembles pages, included rather than baked in.

What the real Varnish does with the include is tests/e2e/test_stack.py; what a reader sees
and dismisses, in Chromium, is tests/browser/test_reader_site.py.
"""

import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Site

from broadsheet.site import breaking
from broadsheet.site.models import BreakingNews
from tests import factories
from tests.live.conftest import make_blog

pytestmark = pytest.mark.django_db

ASSEMBLING = {"Surrogate-Capability": 'broadsheet="ESI/1.0"'}


@pytest.fixture
def article(section):
    return factories.make_article(section, title="Ferry timetable changes", slug="ferries")


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("desk", password="pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def banner_of(response) -> BeautifulSoup | None:
    return BeautifulSoup(response.content, "html.parser").select_one("aside.breaking")


def test_no_banner_no_markup(client, article):
    assert banner_of(client.get(article.url)) is None
    fragment = client.get("/breaking/")
    assert fragment.status_code == 200
    assert fragment.content.strip() == b""
    assert "breaking" in fragment["Surrogate-Key"].split()


def test_a_banner_shows_on_every_kind_of_page(client, article, site):
    breaking.set_banner(site.pk, text="Bridge closed after collision", link=article.url)
    for url in (article.url, "/", "/search/?q=ferry", "/archive/", "/no-such-page/"):
        shown = banner_of(client.get(url))
        assert shown is not None, url
        assert shown.a["href"] == article.url
        assert "Bridge closed after collision" in shown.get_text()
    # The dismiss button waits for the page script: without JavaScript it would do nothing.
    assert shown.select_one("[data-breaking-dismiss]").has_attr("hidden")


def test_behind_an_assembling_cache_pages_include_the_banner(client, article, site):
    breaking.set_banner(site.pk, text="Bridge closed", link="")
    page = client.get(article.url, headers=ASSEMBLING)
    assert b'<esi:include src="/breaking/"/>' in page.content
    assert banner_of(page) is None
    assert page["Surrogate-Control"] == 'content="ESI/1.0"'
    assert "ETag" not in page  # what readers get is the assembled page
    # The page does not name the banner's key: a new banner purges only /breaking/; taking
    # it down purges the pages that include it.
    named = page["Surrogate-Key"].split()
    assert breaking.KEY not in named and breaking.INCLUDED in named
    plain = client.get(article.url)
    assert "Surrogate-Control" not in plain and "ETag" in plain
    assert b"esi:include" not in plain.content
    assert breaking.KEY in plain["Surrogate-Key"].split()


def test_with_no_banner_running_pages_include_nothing(client, article, site):
    """Nothing for the cache to assemble: the page is sent as stored, and has a validator."""
    for url in (article.url, "/", "/search/?q=ferry"):
        page = client.get(url, headers=ASSEMBLING)
        assert b"esi:include" not in page.content and banner_of(page) is None
        assert "Surrogate-Control" not in page
        assert "ETag" in page
        # It shows that no banner runs: setting one purges it.
        named = page["Surrogate-Key"].split()
        assert breaking.KEY in named and breaking.INCLUDED not in named
    breaking.set_banner(site.pk, text="Bridge closed", link="")
    assert b"esi:include" in client.get(article.url, headers=ASSEMBLING).content
    breaking.take_down(site.pk)
    assert b"esi:include" not in client.get(article.url, headers=ASSEMBLING).content


def test_a_page_showing_an_expiring_banner_is_kept_no_longer_than_it_runs(client, article, site):
    kept = int(client.get(article.url)["Cache-Control"].split("s-maxage=")[1].split(",")[0])
    assert kept > 300
    breaking.set_banner(
        site.pk, text="Polls close at ten", expires_at=timezone.now() + timedelta(minutes=5)
    )
    for headers in ({}, ASSEMBLING):
        control = client.get(article.url, headers=headers)["Cache-Control"]
        assert 0 < int(control.split("s-maxage=")[1].split(",")[0]) <= 300, headers


def test_a_new_banner_replaces_the_last_and_taking_down_ends_it(client, article, site):
    first = breaking.set_banner(site.pk, text="Storm warning for the coast")
    second = breaking.set_banner(site.pk, text="Storm reaches the harbour")
    first.refresh_from_db()
    assert first.ended_at is not None
    assert "Storm reaches the harbour" in banner_of(client.get("/breaking/")).get_text()
    assert breaking.take_down(site.pk) == 1
    second.refresh_from_db()
    assert second.ended_at is not None
    assert banner_of(client.get(article.url)) is None
    assert client.get("/breaking/").content.strip() == b""
    assert breaking.take_down(site.pk) == 0


def test_expiry_bounds_how_long_caches_keep_it(client, site):
    breaking.set_banner(
        site.pk, text="Polls close at ten", expires_at=timezone.now() + timedelta(minutes=5)
    )
    control = client.get("/breaking/")["Cache-Control"]
    assert "proxy-revalidate" in control and "stale-while-revalidate" not in control
    kept = int(control.split("s-maxage=")[1].split(",")[0])
    assert 0 < kept <= 300


def test_at_its_expiry_the_banner_goes_without_anyone_touching_it(client, article, site):
    breaking.set_banner(
        site.pk, text="Polls close at ten", expires_at=timezone.now() + timedelta(seconds=15)
    )
    assert banner_of(client.get(article.url)) is not None  # and remembered as it is
    deadline = time.monotonic() + 120
    while banner_of(client.get(article.url)) is not None:
        assert time.monotonic() < deadline, "the banner outlived its expiry by minutes"
        time.sleep(0.2)
    assert client.get("/breaking/").content.strip() == b""


def test_bad_input_is_refused_and_nothing_runs(site):
    with pytest.raises(Exception) as refused:
        breaking.set_banner(site.pk, text="Road closed", link="javascript:alert(1)")
    assert "link" in str(refused.value)
    with pytest.raises(Exception) as refused:
        breaking.set_banner(site.pk, text="Late", expires_at=timezone.now() - timedelta(hours=1))
    assert "expires_at" in str(refused.value)
    assert not BreakingNews.objects.exists()


def test_an_editor_runs_and_takes_down_a_banner_in_the_admin(client, editor, article, site):
    client.force_login(editor)
    screen = client.get("/admin/breaking/")
    assert screen.status_code == 200
    assert b"No banner is running" in screen.content
    refused = client.post(
        "/admin/breaking/", {"site": site.pk, "text": "Fire on Quay Street", "link": "ftp://x"}
    )
    assert refused.status_code == 200
    assert b"starting with https://" in refused.content
    assert not BreakingNews.objects.exists()

    posted = client.post(
        "/admin/breaking/", {"site": site.pk, "text": "Fire on Quay Street", "link": article.url}
    )
    assert posted.status_code == 302
    banner = BreakingNews.objects.get()
    assert (banner.text, banner.created_by) == ("Fire on Quay Street", editor)
    assert b"Fire on Quay Street" in client.get("/admin/breaking/").content

    client.post(f"/admin/breaking/{site.pk}/take-down/")
    banner.refresh_from_db()
    assert banner.ended_at is not None


def test_an_article_is_flagged_as_breaking_from_its_editor(client, editor, article, site):
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{article.pk}/edit/")
    assert f"/admin/breaking/?page={article.pk}".encode() in edit.content
    form = BeautifulSoup(client.get(f"/admin/breaking/?page={article.pk}").content, "html.parser")
    assert form.select_one("input[name=text]")["value"] == "Ferry timetable changes"
    assert form.select_one("input[name=link]")["value"] == article.url
    assert form.select_one("input[name=article]")["value"] == str(article.pk)
    client.post(
        "/admin/breaking/",
        {
            "site": site.pk,
            "text": "Ferry timetable changes",
            "link": article.url,
            "article": article.pk,
        },
    )
    assert BreakingNews.objects.get().article_id == article.pk


def test_readers_and_staff_without_the_permission_cannot(client, django_user_model, site):
    clerk = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    assert client.get("/admin/breaking/").status_code in {302, 403}
    response = client.post("/admin/breaking/", {"site": site.pk, "text": "Not mine"})
    assert response.status_code in {302, 403}
    assert not BreakingNews.objects.exists()


def test_a_live_blog_is_flagged_as_breaking_from_its_editor(client, editor, section):
    blog = make_blog(section, title="Count night, live", slug="count-night")
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{blog.pk}/edit/")
    assert f"/admin/breaking/?page={blog.pk}".encode() in edit.content
    form = BeautifulSoup(client.get(f"/admin/breaking/?page={blog.pk}").content, "html.parser")
    assert form.select_one("input[name=link]")["value"] == blog.url
