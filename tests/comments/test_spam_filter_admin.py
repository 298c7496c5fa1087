"""The moderators' spam filter page: the model in force, its estimated precision and recall,
the decisions they rest on, and retraining on demand."""

import pytest

from broadsheet.comments import learning, spamfilter
from broadsheet.comments.models import ModerationAction, SpamFilterState
from broadsheet.comments.templatetags.broadsheet_comments import share
from tests.comments.helpers import soup
from tests.comments.test_learning import targets, train

pytestmark = pytest.mark.django_db

PAGE = "/admin/comments/spam-filter/"


@pytest.fixture
def mod(client, moderator):
    client.force_login(moderator)
    return client


def test_on_the_first_day_the_page_names_the_starter_and_says_it_only_holds(mod):
    page = soup(mod.get(PAGE))
    section = page.find(attrs={"data-spam-filter": "starter"})
    text = section.get_text(" ", strip=True)
    assert "starter model" in text and "never marks a comment as spam" in text
    assert f"{spamfilter.starter().hold_above:.3f}" in text
    assert "so far: 0 spam, 0 not spam" in text
    assert page.find(attrs={"data-estimates": True}) is None


def test_the_page_shows_the_estimates_and_the_decisions_they_rest_on(mod, article, moderator):
    targets(precision=0.95, recall=0.95)
    train(article, moderator)
    status = learning.status(precision=0.95, recall=0.95)
    page = soup(mod.get(PAGE))
    assert page.find(attrs={"data-spam-filter": "site"})
    assert "on 24 spam and 24 not-spam decisions" in page.get_text(" ", strip=True)
    table = page.find(attrs={"data-estimates": True})
    assert "Estimated from 48 moderators' decisions" in table.caption.get_text(" ", strip=True)
    marked = [
        td.get_text(strip=True) for td in table.find("tr", attrs={"data-outcome": "spam"})("td")
    ]
    assert marked == [
        f"{status.marked.probability:.3f}",
        f"{status.marked.precision:.3f}",
        share(status.marked.recall),
        share(status.marked.ham_rate),
    ]
    kept = table.find("tr", attrs={"data-outcome": "out-of-view"})("td")
    assert kept[2].get_text(strip=True) == share(status.held.recall)


def test_at_the_default_precision_the_page_says_what_marking_spam_needs(mod, article, moderator):
    train(article, moderator)
    row = soup(mod.get(PAGE)).find("tr", attrs={"data-outcome": "spam"})
    text = row.get_text(" ", strip=True)
    assert "None yet: the filter only holds" in text
    assert "at least 99 spam decisions" in text


def test_retrain_now_trains_from_every_decision_and_is_logged(mod, article, moderator):
    train(article, moderator, retrain=False)
    assert SpamFilterState.objects.get().decisions_since_training > 0
    response = mod.post(PAGE)
    assert response.status_code == 302
    messages = [str(m) for m in mod.get(response["Location"]).context["messages"]]
    assert messages == ["The spam filter is being retrained from every decision moderators made."]
    assert SpamFilterState.objects.get().decisions_since_training == 0
    assert learning.load_filter().decisions == (24, 24)
    assert ModerationAction.objects.filter(action="retrain-spam-filter", actor=moderator).exists()


def test_only_moderators_see_the_page_or_retrain(client, editor):
    client.force_login(editor)
    for response in (client.get(PAGE), client.post(PAGE)):
        # Wagtail's admin turns a refusal into a redirect to its dashboard with a message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ModerationAction.objects.filter(action="retrain-spam-filter").exists()
