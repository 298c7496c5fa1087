"""A body over the upload limit gets 413 from the app too, as from Varnish and nginx before it."""

import json

import pytest

from broadsheet.comments.models import Comment
from tests import factories
from tests.comments.helpers import post_comment

pytestmark = pytest.mark.django_db

TOO_LONG = "x" * (3 * 1024 * 1024)  # the app takes forms up to 2.5 MB


@pytest.fixture
def article(section, author):
    return factories.make_article(section, title="Ferry fares", authors=[author])


def test_a_comment_over_the_limit_gets_413_and_a_message_the_form_shows(client, article):
    response = post_comment(client, article, json=True, text=TOO_LONG)

    assert response.status_code == 413
    answer = json.loads(response.content)
    assert answer["ok"] is False and answer["status"] == 413
    assert "2.5" in answer["message"]
    assert "no-store" in response["Cache-Control"]
    assert not Comment.objects.exists()


def test_a_browser_without_javascript_gets_413_in_plain_words(client, article):
    response = post_comment(client, article, text=TOO_LONG)

    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/plain")
    assert "too large to send" in response.content.decode()


def test_other_bad_requests_keep_their_400(client, article):
    # A host the site does not serve: Django's DisallowedHost, a 400 and no page.
    response = client.get(article.url, HTTP_HOST="elsewhere.example")

    assert response.status_code == 400
