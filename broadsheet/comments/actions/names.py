"""What a commenter may call themselves: :func:`check_name`, used by :func:`submit_comment`.

A name is stored as :func:`~broadsheet.comments.text.clean_name` makes it (NFKC, no invisible
reordering or zero-width characters, single spaces). A name with a line break or another
control character is refused rather than folded: it is short, the reader can fix it, and a
silently changed name would surprise them.

A name that reads like a staff member's (same :func:`~broadsheet.comments.text.name_key`) is
refused too, unless it is that staff member posting while signed in. Staff here are the people
who can use the admin (``is_staff``, superusers, anyone given Wagtail's admin access directly
or by a group) by their full name or user name, and every byline author by name.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q

from broadsheet.articles.models import Author
from broadsheet.comments.text import clean_name, has_control_characters, name_key

NAME_MAX_LENGTH = 80
NO_NAME = "Please give a name."
CONTROL_CHARACTERS = "A name cannot contain line breaks, tabs or other control characters."
STAFF_NAME = "That name belongs to a member of our staff. Please choose another one."

_ADMIN_ACCESS = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}


def check_name(*, name: str, user=None) -> str:
    """The name to store for ``name`` given by ``user`` (``None`` for a guest).

    Raises ``ValidationError`` on the ``name`` field when there is nothing left of it, when it
    holds a control character, or when it would pass for a staff member's name.
    """
    if has_control_characters(name):
        raise ValidationError({"name": CONTROL_CHARACTERS})
    name = clean_name(name)[:NAME_MAX_LENGTH].rstrip()
    if not name:
        raise ValidationError({"name": NO_NAME})
    if name_key(name) in _reserved_name_keys(user):
        raise ValidationError({"name": STAFF_NAME})
    return name


def _reserved_name_keys(user) -> set[str]:
    """Keys of every staff account's and author's name, less those of ``user``'s own account."""
    staff = Q(is_staff=True) | Q(is_superuser=True)
    staff |= Q(**{f"user_permissions__{k}": v for k, v in _ADMIN_ACCESS.items()})
    staff |= Q(**{f"groups__permissions__{k}": v for k, v in _ADMIN_ACCESS.items()})
    accounts = get_user_model().objects.filter(staff).distinct()
    reserved = {name_key(author) for author in Author.objects.values_list("name", flat=True)}
    own: set[str] = set()
    for account in accounts.only("username", "first_name", "last_name"):
        keys = {name_key(account.get_full_name()), name_key(account.get_username())}
        reserved |= keys
        if user is not None and account.pk == user.pk:
            own = keys
    return reserved - own - {""}
