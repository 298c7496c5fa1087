"""A WordPress post's content, classic or block-editor, as the pieces of an article body.

The result is plain data (:class:`Body`): paragraphs of sanitised rich text (bold, italic, links,
lists and line breaks, as the body's paragraph block allows), subheadings, quotes and pictures
naming the WordPress attachment or address they show. Pictures are matched to imported photos
and links to imported posts by the writer (:mod:`broadsheet.wordpress.actions`), which knows
them. Whatever has no block of its own (embeds, audio and video, tables, raw HTML, unknown
shortcodes and blocks) is kept as sanitised text or a link, and named in ``notes``.
"""

import html
import re
from dataclasses import dataclass

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from broadsheet.wordpress import shortcodes
from broadsheet.wordpress.autop import autop
from broadsheet.wordpress.blockmarkup import has_blocks, render_blocks

_INLINE_TAGS = {"b", "strong", "i", "em", "a", "br"}
_LIST_TAGS = _INLINE_TAGS | {"ul", "ol", "li"}
_WP_IMAGE = re.compile(r"\bwp-image-(\d+)\b")
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_CONTAINERS = {"div", "section", "article", "aside", "header", "footer", "main", "center", "span"}
_DROP = {"script", "style", "noscript", "form", "input", "button", "select", "textarea", "svg"}


@dataclass(frozen=True)
class Paragraph:
    html: str


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str = ""


@dataclass(frozen=True)
class Picture:
    attachment_id: str  # "" when the picture names only an address
    src: str
    alt: str = ""
    caption: str = ""


Piece = Paragraph | Heading | Quote | Picture


@dataclass(frozen=True)
class Body:
    pieces: tuple[Piece, ...]
    notes: tuple[str, ...]  # what did not come across exactly, in the report's words
    block_editor: bool


def convert(content: str) -> Body:
    """The body pieces of ``content``, as WordPress would render it."""
    notes: list[str] = []
    block_editor = has_blocks(content)
    if block_editor:
        rendered = render_blocks(content)
        text = rendered.html
        notes += [f"block {name} kept as sanitised text" for name in rendered.unknown]
        notes += [f"{name} block left out" for name in sorted(set(rendered.dropped))]
    else:
        text = content
    expanded = shortcodes.expand(text)
    notes += [f"shortcode [{name}] kept as text" for name in expanded.unknown]
    text = expanded.html if block_editor else autop(expanded.html)
    walker = _Walker(notes)
    walker.walk(BeautifulSoup(text, "html.parser").children)
    walker.flush()
    return Body(pieces=tuple(walker.pieces), notes=tuple(notes), block_editor=block_editor)


def sanitise(fragment: str, *, lists: bool = False) -> str:
    """Rich text the paragraph block accepts: ``<b>``, ``<i>``, links, line breaks, lists."""
    cleaned = nh3.clean(
        fragment,
        tags=_LIST_TAGS if lists else _INLINE_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
        strip_comments=True,
    )
    cleaned = re.sub(r"<(/?)strong>", r"<\1b>", cleaned)
    cleaned = re.sub(r"<(/?)em>", r"<\1i>", cleaned)
    cleaned = re.sub(r"<br>\s+", "<br>", cleaned)
    if lists:
        cleaned = re.sub(r"\s*(</?(?:ul|ol|li)>)\s*", r"\1", cleaned)
    cleaned = re.sub(r"^(\s|<br>)+|(\s|<br>)+$", "", cleaned)
    # As Wagtail stores rich text: its editor's converter reads a line break only as <br/>.
    return cleaned.strip().replace("<br>", "<br/>")


def text_of(fragment: str | Tag) -> str:
    """Plain text of HTML, whitespace collapsed."""
    markup = str(fragment)
    text = html.unescape(nh3.clean(markup, tags=set(), strip_comments=True))
    return " ".join(text.split())


def _link(url: str) -> Paragraph:
    escaped = html.escape(url, quote=True)
    return Paragraph(f'<p><a href="{escaped}">{html.escape(url)}</a></p>')


class _Walker:
    def __init__(self, notes: list[str]) -> None:
        self.pieces: list[Piece] = []
        self.notes = notes
        self.inline: list[str] = []

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def flush(self) -> None:
        fragment = sanitise("".join(self.inline))
        self.inline = []
        if text_of(fragment):
            self.pieces.append(Paragraph(f"<p>{fragment}</p>"))

    def add(self, piece: Piece) -> None:
        self.flush()
        self.pieces.append(piece)

    def walk(self, nodes) -> None:
        for node in list(nodes):
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                self.inline.append(html.escape(str(node), quote=False))
            elif isinstance(node, Tag):
                self.element(node)

    def element(self, node: Tag) -> None:
        name = node.name
        if name == "p":
            self.flush()
            self.walk(node.children)
            self.flush()
        elif name in _HEADINGS:
            if text := text_of(node):
                self.add(Heading(text))
        elif name in {"ul", "ol"}:
            self.flush()
            if text_of(node):
                self.pieces.append(Paragraph(sanitise(str(node), lists=True)))
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure":
            self.figure(node)
        elif name == "img" or (name == "a" and node.find("img") and not text_of(node)):
            self.picture(node)
        elif name == "table":
            self.table(node)
        elif name == "hr":
            self.flush()
            self.note("separator left out")
        elif name in {"pre", "code"} and not self.inline:
            self.add(Paragraph(f"<p>{html.escape(node.get_text())}</p>".replace("\n", "<br/>")))
            self.note("preformatted text kept as a paragraph")
        elif name == "iframe":
            self.media(node.get("src", ""), "embedded frame kept as a link")
        elif name in {"audio", "video"}:
            source = node.get("src") or (node.find("source") or {}).get("src", "")
            self.media(source, f"{name} kept as a link")
        elif name in _DROP:
            self.note(f"<{name}> left out")
        elif name == "div" and node.get("data-wp-attachment"):
            for img in node.find_all("img")[:1]:
                img["data-wp-attachment"] = node["data-wp-attachment"]
            self.walk(node.children)
        elif name in _CONTAINERS or name not in _INLINE_TAGS and node.find(_block_tag):
            self.walk(node.children)
        elif node.find("img"):
            self.walk(node.children)
        else:
            self.inline.append(str(node))

    def media(self, url: str, note: str) -> None:
        if url:
            self.add(_link(url))
            self.note(f"{note}: {url}")

    def quote(self, node: Tag) -> None:
        attribution = ""
        for cite in node.find_all(["cite", "footer"]):
            attribution = attribution or text_of(cite)
            cite.decompose()
        paragraphs = [text_of(p) for p in node.find_all("p")] or [text_of(node)]
        text = "\n\n".join(p for p in paragraphs if p)
        if text:
            self.add(Quote(text=text, attribution=attribution))

    def figure(self, node: Tag) -> None:
        if url := node.get("data-wp-embed"):
            self.media(url, "embed kept as a link")
        elif url := node.get("data-wp-media"):
            self.media(url, "audio or video kept as a link")
        elif node.has_attr("data-wp-gallery"):
            self.flush()
            for identifier in re.findall(r"\d+", node["data-wp-gallery"]):
                self.pieces.append(Picture(attachment_id=identifier, src=""))
        elif node.find("blockquote"):
            self.quote(node.find("blockquote"))
        elif node.find("table"):
            self.table(node.find("table"))
        elif node.find("figure"):
            self.walk(node.children)
        elif images := node.find_all("img"):
            caption = node.find("figcaption")
            caption_text = text_of(caption) if caption else ""
            attachment = node.get("data-wp-attachment", "")
            for img in images:
                self.picture(
                    img, caption=caption_text if len(images) == 1 else "", default=attachment
                )
        else:
            self.walk(node.children)

    def picture(self, node: Tag, *, caption: str = "", default: str = "") -> None:
        img = node if node.name == "img" else node.find("img")
        found = _WP_IMAGE.search(" ".join(img.get("class", [])))
        attachment = (
            img.get("data-wp-attachment")
            or (found.group(1) if found else "")
            or img.get("data-id", "")
            or default
        )
        self.add(
            Picture(
                attachment_id=str(attachment) if str(attachment).isdigit() else "",
                src=img.get("src", ""),
                alt=" ".join(img.get("alt", "").split()),
                caption=caption,
            )
        )

    def table(self, node: Tag) -> None:
        self.flush()
        for row in node.find_all("tr"):
            cells = [text_of(cell) for cell in row.find_all(["td", "th"])]
            if any(cells):
                self.pieces.append(Paragraph(f"<p>{html.escape(' · '.join(cells))}</p>"))
        self.note("table kept as text, a paragraph per row")


def _block_tag(tag: Tag) -> bool:
    return tag.name in {"p", "figure", "table", "ul", "ol", "blockquote", *_HEADINGS}
