"""The admin dashboard shows an editor their drafts and what is scheduled to go live."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def dashboard(client) -> BeautifulSoup:
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def rows(html: BeautifulSoup, panel: str) -> list[str]:
    return [a.get_text(strip=True) for a in html.select(f"#{panel}-section td.title a")]


def schedule(section, title: str, *, in_days: int, **fields):
    article = factories.make_article(section, title=title, publish=False, **fields)
    article.go_live_at = timezone.now() + timedelta(days=in_days)
    article.save_revision().publish()
    return article


def test_my_drafts_are_mine_unpublished_and_last_saved_first(
    admin_client, admin_user, section, author, django_user_model
):
    colleague = django_user_model.objects.create_user("cora", "cora@courier.example", "pw")
    factories.make_article(section, title="Bridge survey", publish=False, owner=admin_user)
    factories.make_article(section, title="Tram fares", publish=False, owner=admin_user)
    factories.make_article(section, title="Ferry strike", publish=False, owner=colleague)
    factories.make_article(section, title="Harbour open", owner=admin_user)  # live
    schedule(section, "Budget day", in_days=1, owner=admin_user)
    assert rows(dashboard(admin_client), "my-article-drafts") == ["Tram fares", "Bridge survey"]


def test_scheduled_articles_soonest_first_with_their_time(admin_client, section):
    later = schedule(section, "Election night", in_days=3)
    schedule(section, "Budget day", in_days=1)
    factories.make_article(section, title="Unscheduled draft", publish=False)
    html = dashboard(admin_client)
    assert rows(html, "scheduled-articles") == ["Budget day", "Election night"]
    times = [t["datetime"] for t in html.select("#scheduled-articles-section time")]
    assert times[1] == later.get_latest_revision().approved_go_live_at.isoformat()


def test_empty_panels_say_so(admin_client, home):
    text = dashboard(admin_client).get_text(" ", strip=True)
    assert "You have no unpublished articles." in text
    assert "No article is scheduled." in text


def test_wagtails_recent_edits_panel_stays(admin_client, admin_user, section):
    article = factories.make_article(section, title="Bridge survey", owner=admin_user)
    article.save_revision(user=admin_user, log_action=True)
    assert rows(dashboard(admin_client), "recent-edits") == ["Bridge survey"]


def test_the_dashboard_costs_the_same_at_any_size(
    admin_client, admin_user, section, django_assert_max_num_queries
):
    def fill(start: int, count: int) -> None:
        for n in range(start, start + count):
            factories.make_article(section, title=f"Draft {n}", publish=False, owner=admin_user)
            schedule(section, f"Scheduled {n}", in_days=n + 1)
            article = factories.make_article(section, title=f"Live {n}", owner=admin_user)
            article.save_revision(user=admin_user, log_action=True)

    fill(0, 2)
    with django_assert_max_num_queries(30) as small:
        dashboard(admin_client)
    fill(2, 8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        dashboard(admin_client)
