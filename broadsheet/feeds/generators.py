"""Feed writers: Django's RSS and Atom generators extended for news, and a JSON Feed 1.1 writer.

Every item the feed classes add carries, besides Django's standard fields, three extras:

* ``authors`` -- a list of ``Byline(name, link)``; RSS and Atom allow one author per item in
  Django's generators, a byline often has two or three names;
* ``content_html`` -- the full text as HTML, or ``None`` when the feed carries summaries;
* ``image`` -- a ``FeedImage`` (hero photo rendition) or ``None``.

The XML is written through :class:`XMLSafeGenerator`, Django's ``SimplerXMLGenerator`` handler
dropping the characters XML cannot hold (:mod:`broadsheet.feeds.xmltext`) where Django's would
refuse the whole feed; the JSON through ``json.dumps``, which escapes them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Any

from django.utils import feedgenerator
from django.utils.xmlutils import SimplerXMLGenerator

from broadsheet.feeds.xmltext import xml_safe

MEDIA_RSS_NS = "http://search.yahoo.com/mrss/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


@dataclass(frozen=True, slots=True)
class Byline:
    """One name in an item's byline, with the author's page if there is one."""

    name: str
    link: str | None = None


@dataclass(frozen=True, slots=True)
class FeedImage:
    """A picture for an item: an absolute URL plus what a reader needs to know about it."""

    url: str
    width: int
    height: int
    mime_type: str
    alt: str = ""
    credit: str = ""


class XMLSafeGenerator(SimplerXMLGenerator):
    """Django's XML handler, but text and attribute values lose what XML 1.0 cannot carry.

    One approved comment with a control character in it would otherwise turn its article's
    comment feeds into errors until a moderator found and removed it.
    """

    def characters(self, content: str) -> None:
        super().characters(xml_safe(content) if isinstance(content, str) else content)

    def startElement(self, name: str, attrs: dict[str, str]) -> None:
        safe = {key: xml_safe(v) if isinstance(v, str) else v for key, v in attrs.items()}
        super().startElement(name, safe)


def _write_media(handler: SimplerXMLGenerator, image: FeedImage | None) -> None:
    # No media:description for the alt text: feedparser (and readers built on it) would take
    # it for the entry's content.
    if image is None:
        return
    handler.startElement(
        "media:content",
        {
            "url": image.url,
            "medium": "image",
            "type": image.mime_type,
            "width": str(image.width),
            "height": str(image.height),
        },
    )
    if image.credit:
        handler.addQuickElement("media:credit", image.credit)
    handler.endElement("media:content")


class NewsRssFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with every byline name (``dc:creator``), full text and a Media RSS picture."""

    def write(self, outfile: IO[str], encoding: str) -> None:
        # Django's RssFeed.write, with our handler in place of SimplerXMLGenerator.
        handler = XMLSafeGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        self.add_stylesheets(handler)
        handler.startElement("rss", self.rss_attributes())
        handler.startElement("channel", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        self.endChannelElement(handler)
        handler.endElement("rss")

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:dc": DUBLIN_CORE_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:media": MEDIA_RSS_NS,
        }

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for byline in item.get("authors", ()):
            handler.addQuickElement("dc:creator", byline.name)
        if item["updateddate"] is not None:
            handler.addQuickElement("atom:updated", feedgenerator.rfc3339_date(item["updateddate"]))
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        _write_media(handler, item.get("image"))


class NewsAtomFeed(feedgenerator.Atom1Feed):
    """Atom 1.0 with one ``author`` per byline name, full ``content`` and a Media RSS picture."""

    def write(self, outfile: IO[str], encoding: str) -> None:
        # Django's Atom1Feed.write, with our handler in place of SimplerXMLGenerator.
        handler = XMLSafeGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def root_attributes(self) -> dict[str, str]:
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS_NS}

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for byline in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", byline.name)
            if byline.link:
                handler.addQuickElement("uri", byline.link)
            handler.endElement("author")
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        _write_media(handler, item.get("image"))


class JsonFeed(feedgenerator.SyndicationFeed):
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/).

    ``description`` of an item is HTML (escaped standfirst) for the XML formats; here the
    plain ``summary`` extra is used instead, and ``content_text`` when there is no full text,
    since every JSON Feed item needs ``content_html`` or ``content_text``.
    """

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile: IO[str], encoding: str) -> None:
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1))

    def as_dict(self) -> dict[str, Any]:
        feed = self.feed
        document: dict[str, Any] = {
            "version": JSON_FEED_VERSION,
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "authors": [{"name": feed["author_name"]}] if feed["author_name"] else None,
            "items": [self.item_dict(item) for item in self.items],
        }
        return {key: value for key, value in document.items() if value is not None}

    def item_dict(self, item: dict[str, Any]) -> dict[str, Any]:
        image = item.get("image")
        summary = item.get("summary")
        entry: dict[str, Any] = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "title": item["title"],
            "summary": summary,
            "image": image.url if image else None,
            "date_published": _rfc3339(item["pubdate"]),
            "date_modified": _rfc3339(item["updateddate"]),
            "authors": [_json_author(byline) for byline in item.get("authors", ())] or None,
            "tags": list(item["categories"]) or None,
        }
        if item.get("content_html"):
            entry["content_html"] = item["content_html"]
        else:
            entry["content_text"] = item.get("content_text") or summary or item["title"]
        return {key: value for key, value in entry.items() if value is not None}


def _rfc3339(value: Any) -> str | None:
    return feedgenerator.rfc3339_date(value) if value is not None else None


def _json_author(byline: Byline) -> dict[str, str]:
    return {"name": byline.name, "url": byline.link} if byline.link else {"name": byline.name}


FEED_TYPES: dict[str, type[feedgenerator.SyndicationFeed]] = {
    "rss": NewsRssFeed,
    "atom": NewsAtomFeed,
    "json": JsonFeed,
}
MIME_TYPES: dict[str, str] = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
