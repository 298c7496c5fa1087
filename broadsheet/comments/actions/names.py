"""What a commenter may call themselves: :func:`check_name`, used by :func:`submit_comment`.

A name is stored as :func:`~broadsheet.comments.text.clean_name` makes it (NFKC, no invisible
reordering or zero-width characters, single spaces). A name with a line break or another
control character is refused rather than folded: it is short, the reader can fix it, and a
silently changed name would surprise them.

A name that reads like a staff member's (same :func:`~broadsheet.comments.text.name_key`) is
refused too, unless it is that staff member posting while signed in. Staff here are the people
who can use the admin (``is_staff``, superusers, anyone given Wagtail's admin access directly
or by a group) by their full name or user name, and every byline author by name. Who they are
is read once per process and remembered until an account, a group's permissions or an author
changes (:data:`STAFF_NAMES`, moved by ``broadsheet.comments.signals.staff_changed``).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q

from broadsheet.articles.models import Author
from broadsheet.caching import fragments
from broadsheet.comments.text import clean_name, has_control_characters, name_key

NAME_MAX_LENGTH = 80
NO_NAME = "Please give a name."
CONTROL_CHARACTERS = "A name cannot contain line breaks, tabs or other control characters."
STAFF_NAME = "That name belongs to a member of our staff. Please choose another one."

_ADMIN_ACCESS = {"codename": "access_admin", "content_type__app_label": "wagtailadmin"}
#: The generation of the remembered staff and author names.
STAFF_NAMES = "staff-names"


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
    if _is_staff_name(name_key(name), user):
        raise ValidationError({"name": STAFF_NAME})
    return name


def _is_staff_name(key: str, user) -> bool:
    """Whether ``key`` is a staff account's or an author's name, and not ``user``'s own."""
    owners = fragments.remember("staff-name-keys", [], _staff_name_keys, depends_on=[STAFF_NAMES])
    accounts = owners.get(key) if key else None
    if accounts is None:
        return False
    own = user.pk if user is not None else None
    return own is None or own not in accounts


def _staff_name_keys() -> dict[str, frozenset[int | None]]:
    """Each reserved name key, with the staff accounts it is a name of (``None``: an author's)."""
    staff = Q(is_staff=True) | Q(is_superuser=True)
    staff |= Q(**{f"user_permissions__{k}": v for k, v in _ADMIN_ACCESS.items()})
    staff |= Q(**{f"groups__permissions__{k}": v for k, v in _ADMIN_ACCESS.items()})
    accounts = get_user_model().objects.filter(staff).distinct()
    owners: dict[str, set[int | None]] = {}
    for author in Author.objects.values_list("name", flat=True):
        owners.setdefault(name_key(author), set()).add(None)
    for account in accounts.only("username", "first_name", "last_name"):
        for key in {name_key(account.get_full_name()), name_key(account.get_username())}:
            owners.setdefault(key, set()).add(account.pk)
    return {key: frozenset(ids) for key, ids in owners.items()}
