import pytest

from tests import factories


@pytest.fixture
def home(db):
    return factories.make_home()


@pytest.fixture
def section(home):
    return factories.make_section(home)


@pytest.fixture
def author(db):
    return factories.make_author(role="City hall reporter", bio="Covers the council.")
