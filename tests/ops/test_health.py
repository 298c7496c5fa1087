"""/healthz and /readyz as a load balancer sees them."""

import pytest
from django.db import connection
from django.test import override_settings

from broadsheet.ops import health

pytestmark = pytest.mark.django_db

CLOSED_PORT_REDIS = {
    "default": {
        "BACKEND": "broadsheet.caching.resilient.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
}


@pytest.fixture
def recheck_migrations():
    health._migrations_applied = False
    yield
    health._migrations_applied = False


def test_healthz_answers_without_cache_or_host_checks(client):
    response = client.get("/healthz", headers={"Host": "10.0.0.7"})

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_reports_each_dependency(client, recheck_migrations):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "migrations": "ok"},
    }
    assert response["Cache-Control"] == "no-store"


@override_settings(CACHES=CLOSED_PORT_REDIS)
def test_readyz_stays_ready_but_degraded_when_the_cache_is_unreachable(client):
    # Pages and comments are served without Redis, so Varnish must keep sending traffic.
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "unreachable"
    assert response.json()["checks"]["database"] == "ok"
    assert client.get("/healthz").status_code == 200


def test_readyz_is_503_while_a_migration_is_unapplied(client, recheck_migrations):
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(name) FROM django_migrations WHERE app = 'articles'")
        (latest,) = cursor.fetchone()
        cursor.execute(
            "DELETE FROM django_migrations WHERE app = 'articles' AND name = %s", [latest]
        )

    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["checks"]["migrations"].endswith("unapplied")


def test_health_checks_answer_plain_http_in_production_mode(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301
