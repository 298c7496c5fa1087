"""The API against its own OpenAPI document: schemathesis generates requests from the document
(valid ones and deliberately broken ones) and sends them to the running Django application
through its WSGI entry point, in this test's database. Every answer must be no server error
and must match the schema the document gives for its status code.

Examples are bounded per operation, so the module runs in about a minute on two cores.
"""

import pytest
import schemathesis
from django.contrib.auth.models import Group, User
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from broadsheet.api.models import ApiKey
from broadsheet.api.urls import api
from broadsheet.comments.models import Comment, CommentState
from tests import factories

CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]
BOUNDED = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def newsroom(section, author, settings):
    """Something to find: articles with bylines, tags, a hero-less body, comments."""
    settings.BROADSHEET_API_ANONYMOUS_PER_MINUTE = 1_000_000
    articles = [
        factories.make_article(
            section,
            title=f"Ferry timetable changes, week {n}",
            slug=f"ferry-{n}",
            authors=[author],
            tags=["Transport", "Harbour"],
        )
        for n in range(3)
    ]
    Comment.objects.create(
        article=articles[0],
        name="Reader",
        email="reader@example.org",
        text="Thanks for the **detail**.",
        state=CommentState.APPROVED,
    )
    return articles


@pytest.fixture(autouse=True)
def _connection_kept():
    """As Django's test client does: the WSGI handler closes old connections at the start and
    end of each request, which would close this test's connection and roll back its data."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def editor_key(db) -> dict[str, str]:
    user = User.objects.create_user("fuzz-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    key = ApiKey(name="Schema fuzzing", user=user, per_minute=1_000_000)
    secret = key.issue()
    key.save()
    return {"Authorization": f"Bearer {secret}"}


# The document the API serves at /api/v1/openapi.json, read without a request: tests are
# collected before there is a database to answer one.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@schema.include(method="GET").parametrize()
@BOUNDED
def test_reads_answer_as_the_document_says(case, newsroom):
    case.call_and_validate(checks=CHECKS)


@schema.include(method=["POST", "PATCH"]).parametrize()
@BOUNDED
def test_writes_with_a_key_answer_as_the_document_says(case, newsroom, editor_key):
    case.call_and_validate(headers=editor_key, checks=CHECKS)
