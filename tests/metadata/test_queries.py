"""What the metadata costs: a fixed number of queries, whatever the byline or tag list."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests import factories

pytestmark = pytest.mark.django_db

TEMPLATE = Template("{% load broadsheet_metadata %}{% page_metadata %}")


def render_cost(page, **context) -> int:
    """Queries the ``{% page_metadata %}`` tag makes for ``page`` on a warm request."""
    request = RequestFactory().get(page.url)
    Site.find_for_request(request)  # the page's own routing already did these two lookups
    TEMPLATE.render(Context({"request": request, "page": page, **context}))
    page = type(page).objects.get(pk=page.pk)
    with CaptureQueriesContext(connection) as queries:
        TEMPLATE.render(Context({"request": request, "page": page, **context}))
    return len(queries)


def test_article_metadata_costs_the_tag_list_only(section, author):
    authors = [factories.make_author(name=f"Writer {i}", slug=f"writer-{i}") for i in range(4)]
    one = factories.make_article(section, title="One", authors=[author], tags=["Quay"])
    many = factories.make_article(
        section,
        title="Many",
        authors=authors,
        tags=["Quay", "Sallow", "Ferries", "Tolls"],
        hero_image=factories.make_photo("metadata-hero"),
    )
    cost_one = render_cost(one, authors=[author])
    # the hero photo is loaded once per page (the article template shows it too)
    assert render_cost(many, authors=authors) == cost_one + 1
    # the tag list only: the section comes from the navigation's remembered list, whether or
    # not the page's context already holds it
    assert cost_one == 1
    assert render_cost(one, authors=[author], section=section) == 1


def test_article_page_queries_do_not_grow_with_tags_and_authors(client, section, author):
    one = factories.make_article(section, title="One", authors=[author], tags=["Quay"])
    writers = [factories.make_author(name=f"Writer {i}", slug=f"writer-{i}") for i in range(5)]
    many = factories.make_article(
        section, title="Many", authors=writers, tags=["Quay", "Sallow", "Ferries", "Tolls"]
    )

    def cost(url: str) -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert cost(many.url) == cost(one.url)
