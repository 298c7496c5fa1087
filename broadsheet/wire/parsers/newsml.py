"""IPTC NewsML-G2: a ``newsItem``, a ``packageItem``, or a ``newsMessage`` carrying several.

XML is parsed with entities left unresolved, no DTD loaded and no network: a feed cannot make
us read a local file or another host (XXE), and libxml2's own limits stop entity bombs.

Text items become :class:`ParsedItem` values; picture items (``ninat:picture``) are not items
of their own but the pictures of the text items a package groups them with. A package becomes
an item too (its headline, and the titles of what it groups), carrying the same pictures.
Bodies are ``inlineXML`` in XHTML or NITF, or ``inlineData`` as plain text.
"""

from html import escape

from lxml import etree

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
)

NAR = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PICTURE_CLASSES = {"ninat:picture", "icls:picture", "ninat:graphic"}
# NITF and XHTML elements, by local name, to the body's markup; others keep only their text.
MARKUP = {"p": "p", "hl1": "h2", "hl2": "h2", "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4"}
MARKUP |= {"bq": "blockquote", "blockquote": "blockquote", "ul": "ul", "ol": "ol", "li": "li"}
MARKUP |= {"em": "i", "i": "i", "b": "b", "strong": "b", "a": "a", "br": "br"}
LEFT_OUT = {"head", "body.head", "body.end", "media", "script", "style", "title", "table"}


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_xml(data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, parser())  # noqa: S320 (the parser above is the safe one)
    except etree.XMLSyntaxError as error:
        raise ParseError(f"Malformed XML: {error}") from error


def parse_newsml(data: bytes) -> list[ParsedItem]:
    root = parse_xml(data)
    name = etree.QName(root).localname
    if etree.QName(root).namespace != NAR:
        raise ParseError(f"Not NewsML-G2: the document is <{name}>")
    if name == "newsMessage":
        members = [e for e in root.iterfind(f"{{{NAR}}}itemSet/*") if isinstance(e.tag, str)]
    elif name in ("newsItem", "packageItem"):
        members = [root]
    else:
        raise ParseError(f"Not a NewsML-G2 news item, package or message: <{name}>")
    pictures = {e.get("guid"): _picture(e) for e in members if _is_picture(e)}
    grouped = _grouped_pictures(members, pictures)
    items = []
    for element in members:
        kind = etree.QName(element).localname
        if kind == "newsItem" and not _is_picture(element):
            items.append(_news_item(element, grouped.get(element.get("guid"), ())))
        elif kind == "packageItem":
            refs = _refs(element)
            found = tuple(pictures[r] for r in refs if pictures.get(r))
            items.append(_package(element, found))
    return items


def _find(element, path: str):
    return element.find(path.replace("g:", f"{{{NAR}}}"))


def _findall(element, path: str) -> list:
    return element.findall(path.replace("g:", f"{{{NAR}}}"))


def _text(element, path: str) -> str:
    found = _find(element, path)
    return "".join(found.itertext()).strip() if found is not None else ""


def _is_picture(element) -> bool:
    item_class = _find(element, "g:itemMeta/g:itemClass")
    return item_class is not None and item_class.get("qcode") in PICTURE_CLASSES


def _common(element) -> dict:
    meta = _find(element, "g:contentMeta")
    meta = meta if meta is not None else etree.Element("none")
    subjects = []
    for subject in _findall(meta, "g:subject"):
        subjects += [subject.get("qcode", ""), _text(subject, "g:name")]
    language = _find(meta, "g:language")
    return {
        "guid": element.get("guid") or "",
        "version": element.get("version") or "",
        "headline": plain_text(_headline(meta)),
        "byline": plain_text(_text(meta, "g:by")),
        "summary": plain_text(_text(meta, "g:description")),
        "subjects": unique(subjects),
        "keywords": unique("".join(k.itertext()) for k in _findall(meta, "g:keyword")),
        "categories": unique(g.get("qcode", "") for g in _findall(meta, "g:genre")),
        "urgency": parse_urgency(_text(meta, "g:urgency")),
        "language": (language.get("tag") if language is not None else "")
        or element.get(XML_LANG, ""),
        "created_at": parse_date(_text(element, "g:itemMeta/g:firstCreated")),
        "version_created_at": parse_date(_text(element, "g:itemMeta/g:versionCreated")),
        "embargo_until": parse_date(_text(element, "g:itemMeta/g:embargoed")),
        "pub_status": pub_status(_qcode(element, "g:itemMeta/g:pubStatus")),
        "url": _link(element),
        "raw": etree.tostring(element, encoding="unicode"),
    }


def _news_item(element, pictures: tuple[Picture, ...]) -> ParsedItem:
    fields = _common(element)
    if not fields["guid"]:
        raise ParseError("A NewsML-G2 newsItem without a guid")
    return ParsedItem(**fields, body=_body(element), pictures=pictures)


def _package(element, pictures: tuple[Picture, ...]) -> ParsedItem:
    fields = _common(element)
    titles = [_text(ref, "g:title") for ref in _findall(element, ".//g:itemRef")]
    fields["headline"] = fields["headline"] or next((t for t in titles if t), "")
    body = "".join(f"<p>{escape(t)}</p>" for t in titles if t)
    return ParsedItem(**fields, body=clean_body(body), pictures=pictures)


def _headline(meta) -> str:
    headlines = _findall(meta, "g:headline")
    for headline in headlines:
        if headline.get("role") in (None, "", "hld:main"):
            return "".join(headline.itertext())
    return "".join(headlines[0].itertext()) if headlines else ""


def _qcode(element, path: str) -> str:
    found = _find(element, path)
    return found.get("qcode", "") if found is not None else ""


def _link(element) -> str:
    for link in _findall(element, "g:itemMeta/g:link"):
        href = link.get("href", "")
        if href.startswith(("http://", "https://")):
            return href
    return ""


def _refs(package) -> list[str]:
    return [ref.get("residref", "") for ref in _findall(package, ".//g:itemRef")]


def _grouped_pictures(members: list, pictures: dict) -> dict[str, tuple[Picture, ...]]:
    """Text item guid → the pictures some package in the message groups with it."""
    grouped: dict[str, list[Picture]] = {}
    for package in (m for m in members if etree.QName(m).localname == "packageItem"):
        refs = _refs(package)
        found = [pictures[r] for r in refs if pictures.get(r)]
        for ref in refs:
            if ref not in pictures:
                grouped.setdefault(ref, []).extend(found)
    return {guid: tuple(found) for guid, found in grouped.items()}


def _picture(element) -> Picture | None:
    for remote in _findall(element, "g:contentSet/g:remoteContent"):
        href = remote.get("href", "")
        if href.startswith(("http://", "https://")):
            meta = _find(element, "g:contentMeta")
            meta = meta if meta is not None else etree.Element("none")
            caption = _text(meta, "g:description") or _headline(meta)
            credit = _text(meta, "g:creditline") or _text(
                element, "g:rightsInfo/g:copyrightHolder/g:name"
            )
            return Picture(url=href, caption=plain_text(caption), credit=plain_text(credit))
    return None


def _body(element) -> str:
    inline = _find(element, "g:contentSet/g:inlineXML")
    if inline is not None:
        content = next((c for c in inline if isinstance(c.tag, str)), None)
        if content is None:
            return ""
        root_name = etree.QName(content).localname
        if root_name == "nitf":
            content = next((e for e in content.iter() if _local(e) == "body.content"), content)
        elif root_name == "html":
            content = next((e for e in content.iter() if _local(e) == "body"), content)
        return clean_body(_inner(content))
    data = _find(element, "g:contentSet/g:inlineData")
    if data is not None:
        return clean_body(text_to_html("".join(data.itertext())))
    return ""


def _local(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _inner(element) -> str:
    parts = [escape(element.text or "")]
    for child in element:
        parts.append(_outer(child))
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def _outer(element) -> str:
    name = _local(element)
    if not name or name in LEFT_OUT:
        return ""
    tag = MARKUP.get(name)
    if tag is None:
        return _inner(element)
    if tag == "br":
        return "<br>"
    attributes = f' href="{escape(element.get("href", ""))}"' if tag == "a" else ""
    return f"<{tag}{attributes}>{_inner(element)}</{tag}>"
