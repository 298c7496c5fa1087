"""The demo's newsletters: a morning briefing, a weekly digest of two sections and the
Sallow floods story's updates, and one curated edition in the archive, so the sign-up box,
the archive and its feed have something to show. Nobody is subscribed: the demo sends
nothing until a reader signs up (and the demo's mail goes to the console)."""

from datetime import datetime, time, timedelta

from broadsheet.articles.models import ArticlePage, SectionPage
from broadsheet.articles.stories import Story
from broadsheet.newsletters.models import (
    Cadence,
    Edition,
    EditionStatus,
    Kind,
    Newsletter,
    Scope,
    Weekday,
)

NEWSLETTERS = (
    {
        "slug": "morning-briefing",
        "name": "The Morning Briefing",
        "description": "What happened overnight and what today holds, before 7 o'clock.",
        "cadence": Cadence.WEEKDAYS,
        "send_time": time(6, 45),
        "scope": Scope.ALL,
        "position": 1,
    },
    {
        "slug": "week-on-the-water",
        "name": "The Week on the Water",
        "description": "Saturday's pick of the week in the city and in culture.",
        "cadence": Cadence.WEEKLY,
        "weekday": Weekday.SATURDAY,
        "send_time": time(9, 0),
        "scope": Scope.SECTIONS,
        "position": 2,
    },
    {
        "slug": "sallow-floods",
        "name": "Sallow floods: updates",
        "description": "Every new article on the floods and the clean-up, as it is published.",
        "cadence": Cadence.DAILY,
        "send_time": time(18, 0),
        "scope": Scope.STORY,
        "position": 3,
    },
)
DIGEST_SECTIONS = ("city", "culture")
EDITION_ARTICLES = (
    ("lower-quay-clean-up-begins", "Street by street, who is back home and who is still waiting."),
    ("review-the-lamplighters-daughter", "Our critic on the season's most talked-about opening."),
    ("after-coal-brennock-harbour", ""),
)


def build_demo_newsletters(*, story: Story, now: datetime) -> int:
    """Create the newsletters (and the archived edition) that do not exist yet; how many."""
    created = 0
    for fields in NEWSLETTERS:
        fields = dict(fields)
        newsletter, made = Newsletter.objects.get_or_create(
            slug=fields.pop("slug"),
            defaults={
                **fields,
                "sender_name": "The Harbour Courier",
                "story": story if fields["scope"] == Scope.STORY else None,
            },
        )
        if made:
            created += 1
            if newsletter.scope == Scope.SECTIONS:
                newsletter.sections.set(SectionPage.objects.filter(slug__in=DIGEST_SECTIONS))
    weekly = Newsletter.objects.get(slug="week-on-the-water")
    if not weekly.editions.exists():
        _archived_edition(weekly, now=now)
    return created


def _archived_edition(newsletter: Newsletter, *, now: datetime) -> Edition:
    articles = {
        page.slug: page
        for page in ArticlePage.objects.live().filter(slug__in=[s for s, _ in EDITION_ARTICLES])
    }
    sent = now - timedelta(days=2)
    return Edition.objects.create(
        newsletter=newsletter,
        kind=Kind.CURATED,
        subject="The week on the water: after the flood",
        intro="A week of mopping up, one remarkable first night and the harbour's long memory.",
        content=[
            ("article", {"article": articles[slug], "teaser": teaser})
            for slug, teaser in EDITION_ARTICLES
            if slug in articles
        ]
        + [
            (
                "text",
                {
                    "heading": "Write to us",
                    "text": "<p>Reply to this email: the letters editor reads every one.</p>",
                },
            )
        ],
        status=EditionStatus.SENT,
        created_at=sent,
        started_at=sent,
        queued_at=sent,
        finished_at=sent,
    )
