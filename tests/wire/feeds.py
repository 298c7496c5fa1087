"""Feeds written on the spot for the polling tests: RSS without versions, NINJS with them."""

import json
from html import escape


def rss(items: list[tuple[str, str, str]], *, with_dates: bool = False, built: str = "") -> str:
    """An RSS 2.0 feed of ``(guid, headline, body)`` items, ``built`` as its lastBuildDate."""
    entries = "".join(
        f'<item><title>{escape(title)}</title><guid isPermaLink="false">{escape(guid)}</guid>'
        f"<link>https://lantern.example/{escape(guid)}</link>"
        + ("<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>" if with_dates else "")
        + f"<description>{escape(f'<p>{body}</p>')}</description></item>"
        for guid, title, body in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Lantern Valley Press</title>'
        "<link>https://lantern.example/</link><description>Valley</description>"
        + (f"<lastBuildDate>{built}</lastBuildDate>" if built else "")
        + entries
        + "</channel></rss>"
    )


def ninjs(
    uri: str = "urn:wire:harbour-fire",
    *,
    version: int = 1,
    headline: str = "Warehouse fire on the east quay is out",
    body: str = "<p>Crews worked through the night.</p><p>Nobody was hurt.</p>",
    pubstatus: str = "usable",
    embargoed: str | None = None,
    urgency: int = 3,
    pictures: list[str] = (),
    **extra,
) -> str:
    item = {
        "uri": uri,
        "version": str(version),
        "type": "text",
        "pubstatus": pubstatus,
        "urgency": urgency,
        "language": "en",
        "headline": headline,
        "byline": "Ines Hartley",
        "description_text": "The quay reopens tomorrow.",
        "body_html": body,
        "keywords": ["fire", "harbour"],
        **extra,
    }
    if embargoed:
        item["embargoed"] = embargoed
    if pictures:
        item["associations"] = {
            f"picture{i}": {
                "type": "picture",
                "byline": "Quay Photo Desk",
                "description_text": f"The quay at dawn, view {i}",
                "renditions": {"original": {"href": url, "width": 1200}},
            }
            for i, url in enumerate(pictures)
        }
    return json.dumps(item)
