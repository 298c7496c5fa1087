"""RSS 2.0 and Atom 1.0 through ``feedparser``; JSON Feed 1.x, which it does not read."""

import json
from calendar import timegm
from datetime import UTC, datetime

import feedparser

from broadsheet.wire.parsers.base import (
    ParsedItem,
    ParseError,
    Picture,
    clean_body,
    parse_date,
    plain_text,
    text_to_html,
    unique,
    web_url,
)


def parse_feed(data: bytes) -> list[ParsedItem]:
    """Items of an RSS or Atom document. Raises :class:`ParseError` for anything else."""
    # Bytes, never a URL or path: feedparser would fetch or open one.
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "no RSS or Atom document found"
        raise ParseError(f"Not a feed: {reason}")
    language = parsed.feed.get("language", "")
    return [_entry(entry, language) for entry in parsed.entries]


def _entry(entry, language: str) -> ParsedItem:
    contents = entry.get("content") or []
    summary = entry.get("summary", "")
    body = contents[0].get("value", "") if contents else summary
    return ParsedItem(
        guid=entry.get("id") or entry.get("link") or plain_text(entry.get("title", "")),
        headline=plain_text(entry.get("title", "")),
        byline=plain_text(entry.get("author", "")),
        summary=plain_text(summary) if contents else _first_paragraph(summary),
        body=clean_body(body),
        url=web_url(entry.get("link")),
        categories=unique(tag.get("term", "") for tag in entry.get("tags", [])),
        language=entry.get("language") or language,
        # dict.get: feedparser's own get() maps a missing date to the other, with a warning.
        created_at=_when(dict.get(entry, "published_parsed")),
        version_created_at=_when(dict.get(entry, "updated_parsed")),
        pictures=_pictures(entry),
        raw=json.dumps(entry, default=str, ensure_ascii=False),
    )


def _first_paragraph(markup: str) -> str:
    text = plain_text(markup.split("</p>", 1)[0])
    return text[:400]


def _when(struct) -> datetime | None:
    return datetime.fromtimestamp(timegm(struct), tz=UTC) if struct else None


def _pictures(entry) -> tuple[Picture, ...]:
    found = []
    for media in entry.get("media_content", []):
        if media.get("medium", "image") == "image":
            found.append(web_url(media.get("url")))
    for link in entry.get("enclosures", []):
        if link.get("type", "").startswith("image/"):
            found.append(web_url(link.get("href")))
    caption = plain_text(entry.get("media_description", ""))
    credit = plain_text(entry.get("media_credit", {}).get("content", ""))
    return tuple(Picture(url=url, caption=caption, credit=credit) for url in unique(found))


def parse_jsonfeed(document: dict) -> list[ParsedItem]:
    """Items of a JSON Feed (1.0 or 1.1) already decoded from JSON."""
    items = document.get("items")
    if not isinstance(items, list):
        raise ParseError("A JSON Feed without an items list")
    language = document.get("language", "")
    return [_json_item(item, language) for item in items if isinstance(item, dict)]


def _json_item(item: dict, language: str) -> ParsedItem:
    if not item.get("id"):
        raise ParseError("A JSON Feed item without an id")
    authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
    body = item.get("content_html") or ""
    if not body:
        body = text_to_html(str(item.get("content_text") or ""))
    image = web_url(item.get("image") or item.get("banner_image"))
    return ParsedItem(
        guid=str(item["id"]),
        headline=plain_text(item.get("title", "")),
        byline=", ".join(plain_text(a.get("name", "")) for a in authors if isinstance(a, dict)),
        summary=plain_text(item.get("summary", "")),
        body=clean_body(body),
        url=web_url(item.get("url")),
        categories=unique(str(tag) for tag in item.get("tags", [])),
        language=item.get("language") or language,
        created_at=parse_date(item.get("date_published")),
        version_created_at=parse_date(item.get("date_modified")),
        pictures=(Picture(url=image),) if image else (),
        raw=json.dumps(item, ensure_ascii=False),
    )
