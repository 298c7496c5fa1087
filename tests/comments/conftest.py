import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from broadsheet.comments.models import CommentSettings
from tests import factories


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(section, author):
    return factories.make_article(
        section,
        title="Sallow ferry timetable changes",
        slug="ferry-timetable",
        authors=[author],
        first_published_at=timezone.now(),
    )


@pytest.fixture
def comment_settings(home):
    """The site's comment settings, with first comments not held, so posts show at once."""
    site = Site.objects.get(is_default_site=True)
    settings, _ = CommentSettings.objects.update_or_create(
        site=site, defaults={"hold_first_comments": False}
    )
    return settings


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "moira", "moira@courier.example", "pw", first_name="Moira"
    )
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("eddie", "eddie@courier.example", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user(
        "rhea", "rhea@reader.example", "pw", first_name="Rhea", last_name="Calloway"
    )


@pytest.fixture
def admin_user_(django_user_model):
    return django_user_model.objects.create_superuser("ada", "ada@courier.example", "pw")


def grant_moderation(user) -> None:
    user.user_permissions.add(Permission.objects.get(codename="moderate_comment"))
