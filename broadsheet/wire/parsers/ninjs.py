"""IPTC NINJS 1.x, 2.x and 3.x: one item, or an array of them.

The three generations differ mostly in names: 1.x has ``headline``, ``body_html``,
``subject``, ``byline``; 2.x lists ``headlines``, ``bodies``, ``descriptions``, ``subjects``
and has ``by``; 3.x writes the same names in camelCase (``versionCreated``, ``pubStatus``).
Keys are therefore read without regard to case, and each field tries every generation's name.
"""

import json

from broadsheet.wire.parsers.base import (
    ParsedItem,
    ParseError,
    Picture,
    clean_body,
    parse_date,
    parse_urgency,
    plain_text,
    pub_status,
    text_to_html,
    unique,
    web_url,
)


def parse_ninjs(document: object) -> list[ParsedItem]:
    """Items of a decoded NINJS document (an object or an array of objects)."""
    documents = document if isinstance(document, list) else [document]
    items = []
    for each in documents:
        if not isinstance(each, dict):
            raise ParseError("A NINJS item must be a JSON object")
        items.append(_item(_folded(each)))
    return items


def _folded(value: object) -> object:
    """``value`` with every object's keys lower-cased, all the way down."""
    if isinstance(value, dict):
        return {str(k).lower(): _folded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_folded(v) for v in value]
    return value


def _item(item: dict) -> ParsedItem:
    guid = item.get("uri") or item.get("guid")
    if not guid:
        raise ParseError("A NINJS item without a uri")
    return ParsedItem(
        guid=str(guid),
        version=str(item.get("version") or ""),
        headline=plain_text(item.get("headline") or _main(item.get("headlines"))),
        byline=plain_text(_byline(item)),
        summary=plain_text(
            item.get("description_text")
            or item.get("description_html")
            or _main(item.get("descriptions"), prefer="summary")
        ),
        body=_body(item),
        url=_url(item),
        subjects=unique(_names(item.get("subject") or item.get("subjects"))),
        keywords=unique(str(k) for k in item.get("keywords") or [] if isinstance(k, str)),
        categories=unique(_names(item.get("genre") or item.get("genres"))),
        urgency=parse_urgency(item.get("urgency")),
        language=str(item.get("language") or ""),
        created_at=parse_date(item.get("firstcreated")),
        version_created_at=parse_date(item.get("versioncreated")),
        embargo_until=parse_date(item.get("embargoed") or item.get("embargoeduntil")),
        pub_status=pub_status(item.get("pubstatus")),
        pictures=_pictures(item.get("associations")),
        raw=json.dumps(item, ensure_ascii=False),
    )


def _main(entries: object, prefer: str = "") -> str:
    """The value of a 2.x/3.x list of ``{value, role, contenttype}``: the preferred role's,
    else one without a role or with role ``main``, else the first."""
    if not isinstance(entries, list):
        return ""
    entries = [e for e in entries if isinstance(e, dict) and e.get("value")]
    for wanted in ([prefer] if prefer else []) + ["", "main"]:
        for entry in entries:
            if str(entry.get("role") or "").rsplit(":", 1)[-1] == wanted:
                return str(entry["value"])
    return str(entries[0]["value"]) if entries else ""


def _byline(item: dict) -> str:
    by = item.get("byline") or item.get("by") or ""
    if isinstance(by, list):  # some 2.x producers send people objects
        return ", ".join(str(p.get("name", "")) for p in by if isinstance(p, dict))
    return str(by)


def _body(item: dict) -> str:
    for key in ("body_html", "body_xhtml"):
        if item.get(key):
            return clean_body(str(item[key]))
    if item.get("body_text"):
        return clean_body(text_to_html(str(item["body_text"])))
    bodies = [b for b in item.get("bodies") or [] if isinstance(b, dict) and b.get("value")]
    for body in bodies:
        if "html" in (body.get("contenttype") or "text/html"):
            return clean_body(str(body["value"]))
    return clean_body(text_to_html(str(bodies[0]["value"]))) if bodies else ""


def _url(item: dict) -> str:
    for key in ("webpage", "url"):
        if web_url(item.get(key)):
            return web_url(item.get(key))
    for link in item.get("links") or []:
        if isinstance(link, dict) and web_url(link.get("href")):
            return web_url(link.get("href"))
    return ""


def _names(entries: object) -> list[str]:
    names = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict):
            names.extend([str(entry.get("name") or ""), str(entry.get("code") or "")])
            names.append(str(entry.get("uri") or ""))
        elif isinstance(entry, str):
            names.append(entry)
    return names


def _pictures(associations: object) -> tuple[Picture, ...]:
    if isinstance(associations, dict):
        associated = list(associations.values())
    else:
        associated = associations if isinstance(associations, list) else []
    pictures = []
    for entry in associated:
        if not isinstance(entry, dict) or entry.get("type") not in ("picture", "image"):
            continue
        href = _best_rendition(entry.get("renditions")) or entry.get("uri", "")
        if not str(href).startswith(("http://", "https://")):
            continue
        caption = entry.get("description_text") or _main(entry.get("descriptions"))
        caption = caption or entry.get("body_text") or entry.get("headline", "")
        credit = _byline(entry) or entry.get("copyrightholder") or ""
        pictures.append(
            Picture(url=str(href), caption=plain_text(caption), credit=plain_text(str(credit)))
        )
    return tuple(pictures)


def _best_rendition(renditions: object) -> str:
    """The widest rendition's address (1.x: a dict by name; 2.x and 3.x: a list)."""
    if isinstance(renditions, dict):
        renditions = list(renditions.values())
    candidates = [r for r in renditions or [] if isinstance(r, dict) and r.get("href")]
    if not candidates:
        return ""
    widest = max(candidates, key=lambda r: int(r.get("width") or 0))
    return str(widest["href"])
