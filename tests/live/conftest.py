"""Live blogs and entries built as editors build them: the page published through a revision,
entries posted through ``broadsheet.live.actions``. All text is our own."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.rich_text import RichText

from broadsheet.live import actions
from broadsheet.live.models import LiveBlogAuthor, LiveBlogPage, Status
from tests import factories


def body(text: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def make_blog(section, *, title="Storm Edda crosses the estuary", slug="storm-edda", **fields):
    fields.setdefault("standfirst", "Gusts, closed roads and the ferry timetable, as they happen.")
    fields.setdefault("status", Status.LIVE)
    authors = fields.pop("authors", None) or []
    blog = LiveBlogPage(title=title, slug=slug, live=False, **fields)
    blog.blog_authors = [LiveBlogAuthor(author=a, sort_order=i) for i, a in enumerate(authors)]
    section.add_child(instance=blog)
    blog.save_revision().publish()
    blog.refresh_from_db()
    return blog


def post(blog, text: str, *, minutes_ago: int = 0, **kwargs):
    at = timezone.now() - timedelta(minutes=minutes_ago) if minutes_ago else None
    return actions.post_entry(blog_id=blog.pk, body=body(text), at=at, **kwargs)


@pytest.fixture
def section(db, committing):
    # Committed, so that what later changes schedule goes out in batches of their own.
    with committing():
        factories.name_test_site("The Estuary Courier")
        return factories.make_section(factories.make_home(), title="Weather", slug="weather")


@pytest.fixture
def blog(section, committing):
    with committing():
        return make_blog(section)
