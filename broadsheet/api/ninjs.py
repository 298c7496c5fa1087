"""An article in IPTC's NINJS 2.1 (News in JSON), for partners and syndication clients.

Pure: it maps the API's own article dict (every field, see ``articles.FIELDS``) to NINJS.
"""

from datetime import datetime
from typing import Any

MEDIA_TYPE = "application/ninjs+json"
STANDARD = {
    "name": "ninjs",
    "version": "2.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json",
}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def from_article(article: dict[str, Any]) -> dict[str, Any]:
    """The NINJS document of one article dict; empty values left out."""
    document: dict[str, Any] = {
        "standard": STANDARD,
        "uri": article["url"],
        "type": "text",
        "representationtype": "full",
        "pubstatus": "usable",
        "language": article["language"],
        "firstcreated": _iso(article["first_published_at"] or article["published_at"]),
        "contentcreated": _iso(article["published_at"]),
        "versioncreated": _iso(article["updated_at"] or article["published_at"]),
        "headlines": [{"value": article["title"], "contenttype": "text/plain"}],
        "descriptions": [
            {"value": article["standfirst"], "role": "summary", "contenttype": "text/plain"}
        ],
        "by": ", ".join(author["name"] for author in article["authors"]),
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": article["body_html"],
                "wordcount": article["word_count"],
            }
        ],
        "people": [
            {"name": author["name"], "rel": "author", "uri": author["url"]}
            for author in article["authors"]
        ],
        "subjects": [{"name": tag["name"], "uri": tag["url"]} for tag in article["tags"]],
        "altids": [{"role": "internal", "value": str(article["id"])}],
    }
    if article["hero"]:
        document["associations"] = {"featureimage": _picture(article["hero"])}
    if article["source"]:
        document["infosources"] = [
            {"name": article["source"]["outlet"], "uri": article["source"]["url"], "role": "source"}
        ]
    return {name: value for name, value in document.items() if value not in (None, "", [])}


def _picture(hero: dict[str, Any]) -> dict[str, Any]:
    return {
        "uri": hero["url"],
        "type": "picture",
        "headlines": [{"value": hero["caption"]}] if hero["caption"] else [],
        "descriptions": [{"value": hero["alt"], "role": "alt"}],
        "copyrightholder": hero["credit"],
        "renditions": {
            "original": {
                "href": hero["url"],
                "width": hero["width"],
                "height": hero["height"],
                "contenttype": "image/jpeg",
            }
        },
    }
