"""The archive page and its feed cost the same queries whatever the number of editions."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from broadsheet.newsletters.models import Edition, EditionStatus


def sent(newsletter, count: int) -> None:
    Edition.objects.bulk_create(
        Edition(
            newsletter=newsletter,
            subject=f"Morning Tide no. {n}",
            status=EditionStatus.SENT,
            finished_at=timezone.now(),
        )
        for n in range(count)
    )


def queries(client, url: str) -> int:
    client.get(url)  # the process remembers the site and its settings after the first
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_archive_and_feed_cost_the_same_at_2_and_12_editions(client, newsroom):
    newsletter = newsroom["newsletter"]
    urls = ["/newsletters/morning-tide/", "/newsletters/morning-tide/feed/", "/newsletters/"]
    sent(newsletter, 2)
    few = [queries(client, url) for url in urls]
    sent(newsletter, 10)
    many = [queries(client, url) for url in urls]

    assert few == many
