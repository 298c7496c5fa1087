"""The wire's plain admin screens: sources with their health, routing rules."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from broadsheet.wire.models import RoutingRule, Source
from tests.wire.conftest import make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("desk", "d@x.example", "pw"))
    return client


def test_a_source_in_alarm_shows_red_in_the_sources_and_the_desk(desk):
    source = make_source("http://127.0.0.1:9/feed.xml", name="Silent Agency")
    health = source.health
    health.last_polled_at = timezone.now()
    health.alarm, health.last_error = "failing: HTTP 503", "HTTP 503 Service Unavailable"
    health.save()
    listing = desk.get(reverse("wire_sources:index")).content.decode()
    assert "Alarm: failing: HTTP 503" in listing
    assert "#cd4444" in listing
    assert "failing: HTTP 503" in desk.get(reverse("wire_desk:index")).content.decode()


def _queries(desk, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert desk.get(url).status_code == 200
    return len(captured)


def test_the_sources_list_reads_every_source_s_health_in_the_same_query(desk):
    make_source("http://127.0.0.1:9/one.xml", name="Agency 1")
    url = reverse("wire_sources:index")
    desk.get(url)
    one = _queries(desk, url)
    for n in range(2, 6):
        make_source(f"http://127.0.0.1:9/{n}.xml", name=f"Agency {n}")
    assert _queries(desk, url) == one


def test_a_source_is_added_in_the_admin(desk):
    answer = desk.post(
        reverse("wire_sources:add"),
        {
            "name": "Quayside Partner",
            "url": "https://partner.example/feed.json",
            "format": "ninjs",
            "interval_minutes": "10",
            "idle_alarm_minutes": "120",
            "auth": "bearer",
            "username": "",
            "secret": "token-1",
            "outlet": "Quayside Partner",
            "licence": "Partner copy; credit required.",
            "tags": "partner",
            "enabled": "on",
        },
    )
    assert answer.status_code == 302, answer.content.decode()[:2000]
    source = Source.objects.get()
    assert (source.format, source.interval_minutes, source.auth) == ("ninjs", 10, "bearer")


def test_a_rule_whose_pattern_does_not_compile_is_refused(desk):
    answer = desk.post(
        reverse("wire_rules:add"),
        {"name": "Broken", "position": "0", "enabled": "on", "pattern": "(unclosed"},
    )
    assert answer.status_code == 200
    assert "Not a regular expression" in answer.content.decode()
    assert not RoutingRule.objects.exists()
