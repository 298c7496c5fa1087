"""Read a WordPress export (WXR) as a stream of plain records, never the whole tree.

A WXR file is RSS 2.0 with WordPress's own elements: the channel carries the site's address,
its authors (``wp:author``) and its terms (``wp:category``, ``wp:tag``, ``wp:term``), then one
``item`` per post, page or attachment with its metadata (``wp:postmeta``) and comments
(``wp:comment``). :func:`read_wxr` parses with lxml's ``iterparse`` and clears each record once
it is read, so memory stays flat whatever the file's size. Entities are not resolved and nothing
is fetched from the network: a DTD in the file can neither expand nor read anything.

Both namespaces WordPress has written (``http://`` and ``https://wordpress.org/export/1.x/``)
are read alike: elements are matched on their local names within any WordPress namespace.
Term names are unescaped once more: WordPress writes them HTML-escaped inside CDATA
(``<![CDATA[Harbour &amp; Docks]]>``). Malformed XML raises :class:`WxrError` naming the
file, the line and the last item read.
"""

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class WxrError(Exception):
    """The file cannot be read further; what was read before is unaffected."""

    def __init__(self, path: str, line: int | None, message: str, after_item: str = "") -> None:
        where = f"{path}, line {line}" if line else path
        after = f" (after WordPress item {after_item})" if after_item else ""
        super().__init__(f"{where}: {message}{after}")
        self.path, self.line, self.after_item = path, line, after_item


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    base_site_url: str
    wxr_version: str


@dataclass(frozen=True)
class Author:
    id: str
    login: str
    email: str
    display_name: str
    first_name: str = ""
    last_name: str = ""


@dataclass(frozen=True)
class Term:
    """A category, a tag or another taxonomy's term (Co-Authors Plus names authors as terms)."""

    term_id: str
    taxonomy: str
    slug: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass(frozen=True)
class ItemTerm:
    domain: str  # "category", "post_tag", "author" (Co-Authors Plus), …
    slug: str
    name: str


@dataclass(frozen=True)
class Comment:
    id: str
    author: str
    email: str
    url: str
    ip: str
    date: str
    date_gmt: str
    content: str
    approved: str  # "1", "0", "spam", "trash"
    type: str  # "", "comment", "pingback", "trackback"
    parent: str
    user_id: str = ""


@dataclass(frozen=True)
class Item:
    id: str
    type: str
    status: str
    title: str
    link: str
    guid: str
    slug: str
    date: str
    date_gmt: str
    creator: str
    content: str
    excerpt: str
    parent: str
    line: int
    menu_order: int = 0
    is_sticky: bool = False
    password: str = ""
    attachment_url: str = ""
    terms: tuple[ItemTerm, ...] = ()
    meta: dict[str, tuple[str, ...]] = field(default_factory=dict)
    comments: tuple[Comment, ...] = ()

    def meta_value(self, key: str) -> str:
        values = self.meta.get(key, ())
        return values[0] if values else ""


Record = Channel | Author | Term | Item


def is_wordpress_ns(namespace: str) -> bool:
    return (
        namespace.removeprefix("https://")
        .removeprefix("http://")
        .startswith("wordpress.org/export/")
    )


def _string(element: etree._Element) -> str:
    """The element's text. An entity the file declares itself is left out, not expanded: lxml
    keeps it as a child node, with the rest of the text as that node's tail."""
    text = element.text or ""
    for child in element:
        if isinstance(child, etree._Entity):
            text += child.tail or ""
    return text


def _local(element: etree._Element) -> tuple[str, str]:
    qname = etree.QName(element)
    return qname.namespace or "", qname.localname


def _wp_children(element: etree._Element) -> dict[str, str]:
    """The text of each WordPress child element, by local name (the first of each)."""
    found: dict[str, str] = {}
    for child in element:
        if not isinstance(child.tag, str):
            continue
        namespace, name = _local(child)
        if is_wordpress_ns(namespace) and name not in found:
            found[name] = _string(child).strip()
    return found


def _text(element: etree._Element, namespace: str, name: str) -> str:
    child = element.find(f"{{{namespace}}}{name}" if namespace else name)
    return _string(child) if child is not None else ""


def _excerpt(element: etree._Element) -> str:
    for child in element:
        if isinstance(child.tag, str) and _local(child)[1] == "encoded":
            namespace = _local(child)[0]
            if namespace.rstrip("/").endswith("/excerpt"):
                return _string(child)
    return ""


def _author(element: etree._Element) -> Author:
    values = _wp_children(element)
    return Author(
        id=values.get("author_id", ""),
        login=values.get("author_login", ""),
        email=values.get("author_email", ""),
        display_name=values.get("author_display_name", "") or values.get("author_login", ""),
        first_name=values.get("author_first_name", ""),
        last_name=values.get("author_last_name", ""),
    )


def _term(element: etree._Element, kind: str) -> Term:
    values = _wp_children(element)
    if kind == "category":
        return Term(
            term_id=values.get("term_id", ""),
            taxonomy="category",
            slug=values.get("category_nicename", ""),
            name=html.unescape(values.get("cat_name", "")),
            parent=values.get("category_parent", ""),
            description=values.get("category_description", ""),
        )
    if kind == "tag":
        return Term(
            term_id=values.get("term_id", ""),
            taxonomy="post_tag",
            slug=values.get("tag_slug", ""),
            name=html.unescape(values.get("tag_name", "")),
            description=values.get("tag_description", ""),
        )
    return Term(
        term_id=values.get("term_id", ""),
        taxonomy=values.get("term_taxonomy", ""),
        slug=values.get("term_slug", ""),
        name=html.unescape(values.get("term_name", "")),
        parent=values.get("term_parent", ""),
        description=values.get("term_description", ""),
    )


def _comment(element: etree._Element) -> Comment:
    values = _wp_children(element)
    content = next(
        (
            _string(c)
            for c in element
            if isinstance(c.tag, str) and _local(c)[1] == "comment_content"
        ),
        "",
    )
    return Comment(
        id=values.get("comment_id", ""),
        author=values.get("comment_author", ""),
        email=values.get("comment_author_email", ""),
        url=values.get("comment_author_url", ""),
        ip=values.get("comment_author_IP", ""),
        date=values.get("comment_date", ""),
        date_gmt=values.get("comment_date_gmt", ""),
        content=content,
        approved=values.get("comment_approved", "0"),
        type=values.get("comment_type", ""),
        parent=values.get("comment_parent", "0"),
        user_id=values.get("comment_user_id", ""),
    )


def _item(element: etree._Element) -> Item:
    values = _wp_children(element)
    meta: dict[str, list[str]] = {}
    comments: list[Comment] = []
    terms: list[ItemTerm] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        namespace, name = _local(child)
        if name == "category" and not namespace:
            terms.append(
                ItemTerm(
                    domain=child.get("domain", "category"),
                    slug=child.get("nicename", ""),
                    name=html.unescape(_string(child).strip()),
                )
            )
        elif is_wordpress_ns(namespace) and name == "postmeta":
            pair = _wp_children(child)
            raw = next(
                (
                    _string(c)
                    for c in child
                    if isinstance(c.tag, str) and _local(c)[1] == "meta_value"
                ),
                "",
            )
            meta.setdefault(pair.get("meta_key", ""), []).append(raw)
        elif is_wordpress_ns(namespace) and name == "comment":
            comments.append(_comment(child))
    return Item(
        id=values.get("post_id", ""),
        type=values.get("post_type", "post"),
        status=values.get("status", ""),
        title=(_text(element, "", "title") or "").strip(),
        link=_text(element, "", "link").strip(),
        guid=_text(element, "", "guid").strip(),
        slug=values.get("post_name", ""),
        date=values.get("post_date", ""),
        date_gmt=values.get("post_date_gmt", ""),
        creator=_text(element, DC_NS, "creator").strip(),
        content=_text(element, CONTENT_NS, "encoded"),
        excerpt=_excerpt(element),
        parent=values.get("post_parent", "0"),
        line=element.sourceline or 0,
        menu_order=int(values.get("menu_order") or 0),
        is_sticky=values.get("is_sticky", "0") == "1",
        password=values.get("post_password", ""),
        attachment_url=values.get("attachment_url", ""),
        terms=tuple(terms),
        meta={key: tuple(value) for key, value in meta.items()},
        comments=tuple(comments),
    )


_CHANNEL_RECORDS = {"author", "category", "tag", "term"}


def read_wxr(path: str | Path) -> Iterator[Record]:
    """Yield the channel, then each author, term and item in the order the file has them."""
    path = str(path)
    last_item = ""
    channel: dict[str, str] = {}
    channel_sent = False
    parser = etree.iterparse(
        path,
        events=("end",),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for _event, element in parser:
            if not isinstance(element.tag, str):
                continue
            parent = element.getparent()
            if (
                parent is None
                or not isinstance(parent.tag, str)
                or _local(parent)
                != (
                    "",
                    "channel",
                )
            ):
                continue
            namespace, name = _local(element)
            record: Record | None = None
            if name == "item" and not namespace:
                record = _item(element)
                if not record.id:
                    raise WxrError(path, record.line, "an item has no wp:post_id", last_item)
                last_item = record.id
            elif is_wordpress_ns(namespace) and name in _CHANNEL_RECORDS:
                record = _author(element) if name == "author" else _term(element, name)
            elif not namespace and name in {"title", "link"}:
                channel[name] = (element.text or "").strip()
            elif is_wordpress_ns(namespace) and name in {"base_site_url", "wxr_version"}:
                channel[name] = (element.text or "").strip()
            if record is not None and not channel_sent:
                channel_sent = True
                yield _channel(channel)
            if record is not None:
                yield record
            # Forget what has been read: the element and every sibling before it.
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as error:
        message = (error.msg or str(error)).splitlines()[0]
        raise WxrError(path, error.lineno, message, last_item) from error
    if not channel_sent:
        if not channel:
            raise WxrError(path, None, "not a WordPress export (no RSS channel)")
        yield _channel(channel)


def _channel(values: dict[str, str]) -> Channel:
    return Channel(
        title=values.get("title", ""),
        link=values.get("link", ""),
        base_site_url=values.get("base_site_url", "") or values.get("link", ""),
        wxr_version=values.get("wxr_version", ""),
    )
