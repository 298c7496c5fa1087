"""What a commenter may call themselves: cleaned names, no control characters, no staff names."""

import pytest
from django.contrib.auth.models import Group

from broadsheet.comments.actions.names import CONTROL_CHARACTERS, STAFF_NAME
from broadsheet.comments.models import Comment
from tests import factories
from tests.comments.helpers import last_comment, post_comment, soup

pytestmark = pytest.mark.django_db

INVISIBLE = [
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # embeddings, pop, overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # isolates
    "\u200e", "\u200f", "\u061c",  # direction marks
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff",  # zero-width
]  # fmt: skip


@pytest.fixture(autouse=True)
def _no_checks(settings):
    """Names only: no rate limits, duplicate checks or pre-moderation between the posts."""
    settings.BROADSHEET_COMMENT_CHECKS = []


def name_errors(response) -> list[str]:
    """The errors shown under the name field of the form page, or sent to the page script."""
    if response["Content-Type"] == "application/json":
        return response.json()["errors"].get("name", [])
    field = soup(response).find("input", attrs={"name": "name"}).find_parent("p")
    return [item.get_text() for item in field.select(".errorlist li")]


@pytest.fixture
def staff(django_user_model):
    """A news editor with admin access through a group, and a developer flagged ``is_staff``."""
    editor = django_user_model.objects.create_user(
        "pnair", "priya@courier.example", "pw", first_name="Priya", last_name="Nair"
    )
    editor.groups.add(Group.objects.get(name="Editors"))
    django_user_model.objects.create_user("devops", "ops@courier.example", "pw", is_staff=True)
    return editor


@pytest.mark.parametrize("json", [False, True], ids=["form", "script"])
@pytest.mark.parametrize("name", ["Ben\nHarrow", "Ben\r\nHarrow", "Ben\u2028Harrow"])
def test_name_with_a_line_break_is_refused_with_a_clear_error(client, article, name, json):
    response = post_comment(client, article, name=name, json=json)
    assert response.status_code == 400
    assert name_errors(response) == [CONTROL_CHARACTERS]
    assert not Comment.objects.exists()


@pytest.mark.parametrize("character", ["\x07", "\x1b", "\t", "\x7f", "\x85"])
def test_name_with_another_control_character_is_refused(client, article, character):
    response = post_comment(client, article, name=f"Ben{character}Harrow")
    assert response.status_code == 400
    assert name_errors(response) == [CONTROL_CHARACTERS]
    assert not Comment.objects.exists()


def test_name_with_a_nul_character_is_refused_by_the_form(client, article):
    response = post_comment(client, article, name="Ben\x00Harrow")
    assert response.status_code == 400
    assert name_errors(response) == ["Null characters are not allowed."]


def test_invisible_reordering_and_zero_width_characters_are_removed(client, article):
    for character in INVISIBLE:
        response = post_comment(client, article, name=f"{character}Ben Har{character}row")
        assert response.status_code == 302, repr(character)
        assert last_comment().name == "Ben Harrow", repr(character)
    assert Comment.objects.count() == len(INVISIBLE)


def test_a_right_to_left_override_cannot_reorder_the_comment_header(client, article):
    post_comment(client, article, name="\u202ewoR nairB\u202c", json=True)
    assert last_comment().name == "woR nairB"


def test_names_are_nfkc_normalised_with_whitespace_collapsed(client, article):
    post_comment(client, article, name="  Ｔａｍｓｉｎ\u00a0\u3000 Reed  ")
    assert last_comment().name == "Tamsin Reed"


def test_a_name_of_invisible_characters_only_asks_for_a_name(client, article):
    response = post_comment(client, article, name="\u200b\u202e\ufeff")
    assert name_errors(response) == ["Please give a name."]


@pytest.mark.parametrize(
    "name",
    [
        "Priya Nair",
        "priya  NAIR",
        "Prіya Nаir",  # Cyrillic і and а
        "Pri\u200bya Nair",
        "Príya Nair.",
        "PNAIR",
        "devops",
        "Ada Brennan",  # the article's author
        "ADA BRENNAN",
    ],
)
def test_a_name_passing_for_staff_or_an_author_is_refused(client, article, staff, name):
    response = post_comment(client, article, name=name)
    assert response.status_code == 400
    assert name_errors(response) == [STAFF_NAME]
    assert not Comment.objects.exists()


def test_a_name_merely_like_a_staff_name_is_accepted(client, article, staff):
    assert post_comment(client, article, name="Priya Nairn").status_code == 302
    assert post_comment(client, article, name="Priya", ip="10.0.0.2").status_code == 302


def test_a_signed_in_staff_member_may_comment_under_their_own_name(client, article, staff):
    client.force_login(staff)
    assert post_comment(client, article, name=None, email=None).status_code == 302
    assert (last_comment().name, last_comment().user) == ("Priya Nair", staff)
    assert post_comment(client, article, name="priya nair", text="Again.").status_code == 302


def test_a_signed_in_staff_member_may_not_take_a_colleagues_name(client, article, staff, moderator):
    client.force_login(moderator)
    response = post_comment(client, article, name="Priya Nair", email=None, json=True)
    assert name_errors(response) == [STAFF_NAME]
    response = post_comment(client, article, name="Ada Brennan", email=None, json=True)
    assert name_errors(response) == [STAFF_NAME]


def test_a_signed_in_reader_may_not_take_a_staff_name(client, article, staff, reader):
    client.force_login(reader)
    response = post_comment(client, article, name="Priya Nair", email=None, json=True)
    assert name_errors(response) == [STAFF_NAME]


def test_the_remembered_names_follow_accounts_groups_and_authors(
    client, article, django_user_model
):
    """The staff and author names are read once and remembered; every change that makes or
    unmakes a staff name takes effect at the next post."""
    assert post_comment(client, article, name="Tomas Reed").status_code == 302
    assert post_comment(client, article, name="Oona Lake", ip="10.0.0.2").status_code == 302
    assert post_comment(client, article, name="Wren Salt", ip="10.0.0.3").status_code == 302

    tomas = django_user_model.objects.create_user("treed", first_name="Tomas", last_name="Reed")
    assert post_comment(client, article, name="Tomas Reed", ip="10.0.0.4").status_code == 302
    tomas.groups.add(Group.objects.get(name="Editors"))  # admin access through a group
    assert name_errors(post_comment(client, article, name="Tomas Reed", ip="10.0.0.5")) == [
        STAFF_NAME
    ]
    tomas.groups.clear()
    assert post_comment(client, article, name="Tomas Reed", ip="10.0.0.6").status_code == 302

    factories.make_author("Oona Lake", slug="oona-lake")
    assert name_errors(post_comment(client, article, name="Oona Lake", ip="10.0.0.7")) == [
        STAFF_NAME
    ]

    wren = django_user_model.objects.create_user("wsalt", first_name="Wren", last_name="Salt")
    wren.is_staff = True
    wren.save()
    assert name_errors(post_comment(client, article, name="Wren Salt", ip="10.0.0.8")) == [
        STAFF_NAME
    ]
    wren.delete()
    assert post_comment(client, article, name="Wren Salt", ip="10.0.0.9").status_code == 302


def test_a_staff_member_who_is_also_an_author_may_use_the_name(client, article, staff):
    factories.make_author("Priya Nair", slug="priya-nair")
    client.force_login(staff)
    assert post_comment(client, article, name="Priya Nair", email=None).status_code == 302
    client.logout()
    response = post_comment(client, article, name="Priya Nair", ip="10.0.0.2")
    assert name_errors(response) == [STAFF_NAME]
