"""What every parser produces, and the helpers they share for text, markup and dates."""

import hashlib
import html
import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

import nh3
from django.utils.dateparse import parse_datetime

# The article body's markup (articles.blocks.TEXT_FEATURES, plus the blocks a body is cut
# into: subheadings and quotes). Everything else is dropped, keeping its text.
BODY_TAGS = {"p", "h2", "h3", "h4", "blockquote", "ul", "ol", "li", "b", "strong", "i", "em"}
BODY_TAGS |= {"a", "br"}
BODY_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


class ParseError(ValueError):
    """The answer is not a feed or item of the expected format; recorded as the source's error."""


@dataclass(frozen=True)
class Picture:
    url: str
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass(frozen=True)
class ParsedItem:
    """One version of one item, as the source describes it."""

    guid: str
    headline: str
    version: str = ""  # as the source numbers it; empty when it does not
    byline: str = ""
    summary: str = ""
    body: str = ""  # sanitised HTML
    url: str = ""
    subjects: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    urgency: int | None = None
    language: str = ""
    created_at: datetime | None = None
    version_created_at: datetime | None = None
    embargo_until: datetime | None = None
    pub_status: str = "usable"
    pictures: tuple[Picture, ...] = ()
    raw: str = field(default="", compare=False)

    @property
    def content_hash(self) -> str:
        """A fingerprint of what the item says. Dates other than the embargo are left out:
        feeds restamp unchanged items, and that must not make a new version."""
        data = asdict(self)
        for name in ("raw", "created_at", "version_created_at", "version"):
            data.pop(name)
        data["embargo_until"] = self.embargo_until.isoformat() if self.embargo_until else None
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def key_version(self) -> str:
        """The version this item is stored under: the source's, else ``#`` and a content hash."""
        return self.version or f"#{self.content_hash[:32]}"


def clean_body(markup: str) -> str:
    """``markup`` reduced to the article body's tags, scripts and styles removed with content."""
    cleaned = nh3.clean(
        markup or "",
        tags=BODY_TAGS,
        attributes=BODY_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    return cleaned.strip()


def plain_text(markup: str) -> str:
    """Text without tags or entities, whitespace folded: headlines, bylines, captions."""
    text = html.unescape(nh3.clean(markup or "", tags=set()))
    return " ".join(text.split())


def text_to_html(text: str) -> str:
    """Plain text to paragraphs: blank lines separate them."""
    paragraphs = [" ".join(p.split()) for p in (text or "").split("\n\n")]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p)


def web_url(value: object) -> str:
    """``value`` if it is an http(s) address, else empty: no ``javascript:`` link reaches a page."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def parse_date(value: object) -> datetime | None:
    """An ISO 8601 date and time, as an aware datetime (UTC when it names no offset)."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        moment = parse_datetime(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_urgency(value: object) -> int | None:
    try:
        urgency = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return urgency if 0 <= urgency <= 9 else None


def pub_status(value: object) -> str:
    """``usable``, ``canceled`` or ``withheld`` from a NINJS value or a NewsML-G2 qcode."""
    text = str(value or "").strip().lower().rsplit(":", 1)[-1]
    if text in ("canceled", "cancelled", "killed", "withdrawn"):
        return "canceled"
    return "withheld" if text == "withheld" else "usable"


def unique(values) -> tuple[str, ...]:
    """Non-empty strings, in first-seen order, once each."""
    return tuple(dict.fromkeys(v.strip() for v in values if v and v.strip()))
