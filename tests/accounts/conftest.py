import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache

PASSWORD = "sallow-ferry-2931"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts per IP in the cache; every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def sign_up(client, email: str, password: str = PASSWORD, username: str = ""):
    return client.post(
        "/accounts/signup/",
        {"email": email, "username": username, "password1": password, "password2": password},
    )


def link_in_last_email(path_prefix: str) -> str:
    """The path of the first link in the newest email that starts with ``path_prefix``."""
    body = mail.outbox[-1].body
    match = re.search(rf"http://testserver({re.escape(path_prefix)}\S+)", body)
    assert match, body
    return match.group(1)


def sign_in(client, email: str, password: str = PASSWORD, **extra):
    return client.post("/accounts/login/", {"login": email, "password": password, **extra})


@pytest.fixture
def reader(db):
    """A reader who signed up and confirmed their address."""
    user = get_user_model().objects.create_user(
        username="marjorie", email="marjorie@example.net", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user
