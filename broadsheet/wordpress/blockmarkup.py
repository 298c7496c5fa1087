"""The block editor's markup (``<!-- wp:paragraph -->…<!-- /wp:paragraph -->``) as plain HTML.

A block-editor post stores each block's HTML between comment delimiters that carry the block's
name and, as JSON, its attributes. Most blocks' HTML already says everything (paragraphs,
headings, lists, quotes, images with their ``wp-image-ID`` class, tables); a few keep what
matters only in the attributes (an embed's URL, an old gallery's ids). :func:`render_blocks`
returns the HTML with those turned into the ``data-wp-*`` figures :mod:`shortcodes` makes, and
names the blocks it did not know, for the report.
"""

import html
import json
import re
from dataclasses import dataclass

from broadsheet.wordpress.autop import autop

_DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?P<attrs>\{.*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
# Blocks whose HTML is what readers see, read as it is.
PLAIN = frozenset(
    {
        "paragraph",
        "heading",
        "list",
        "list-item",
        "quote",
        "pullquote",
        "image",
        "gallery",
        "table",
        "preformatted",
        "code",
        "verse",
        "columns",
        "column",
        "group",
        "cover",
        "media-text",
        "audio",
        "video",
        "file",
        "buttons",
        "button",
        "details",
        "footnotes",
    }
)
DROPPED = frozenset({"more", "nextpage", "spacer", "separator", "page-list"})


@dataclass(frozen=True)
class Rendered:
    html: str
    unknown: tuple[str, ...]  # block names kept as sanitised text
    dropped: tuple[str, ...]  # blocks that carry nothing to read (separators, spacers)


def has_blocks(content: str) -> bool:
    return "<!-- wp:" in content


@dataclass
class _Open:
    name: str
    attrs: dict
    parts: list[str]


def render_blocks(content: str) -> Rendered:
    unknown: list[str] = []
    dropped: list[str] = []
    stack: list[_Open] = []
    top: list[str] = []
    position = 0

    def emit(text: str) -> None:
        (stack[-1].parts if stack else top).append(text if stack else _freeform(text))

    for match in _DELIMITER.finditer(content):
        emit(content[position : match.start()])
        position = match.end()
        name = match.group("name").removeprefix("core/")
        attrs = _attributes(match.group("attrs"))
        if match.group("closer"):
            while stack and stack[-1].name != name:  # an unclosed inner block: close it here
                _close(stack, top, unknown, dropped)
            if stack:
                _close(stack, top, unknown, dropped)
        elif match.group("void"):
            stack.append(_Open(name, attrs, []))
            _close(stack, top, unknown, dropped)
        else:
            stack.append(_Open(name, attrs, []))
    emit(content[position:])
    while stack:
        _close(stack, top, unknown, dropped)
    return Rendered(html="".join(top), unknown=tuple(unknown), dropped=tuple(dropped))


def _freeform(text: str) -> str:
    return autop(text) if text.strip() else ""


def _attributes(raw: str | None) -> dict:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _close(stack: list[_Open], top: list[str], unknown: list[str], dropped: list[str]) -> None:
    block = stack.pop()
    inner = "".join(block.parts)
    rendered = _render(block, inner, unknown, dropped)
    (stack[-1].parts if stack else top).append(rendered)


def _render(block: _Open, inner: str, unknown: list[str], dropped: list[str]) -> str:
    name, attrs = block.name, block.attrs
    if name == "embed" or name.startswith("core-embed/") or name.endswith("-embed"):
        url = attrs.get("url") or re.sub(r"<[^>]+>", " ", inner).strip()
        return f'<figure data-wp-embed="{html.escape(str(url))}"></figure>'
    if name == "gallery" and "<img" not in inner and attrs.get("ids"):
        ids = ",".join(str(i) for i in attrs["ids"])
        return f'<figure data-wp-gallery="{html.escape(ids)}"></figure>'
    if name == "image" and attrs.get("id") and "wp-image-" not in inner:
        return f'<div data-wp-attachment="{int(attrs["id"])}">{inner}</div>'
    if name in DROPPED:
        if name == "separator":
            dropped.append(name)
        return ""
    if name == "shortcode":
        return f"<p>{inner.strip()}</p>"
    if name == "freeform":
        return _freeform(inner)
    if name in PLAIN:
        return inner
    if name not in unknown:
        unknown.append(name)
    return f'<div data-wp-kept="{html.escape(name)}">{inner}</div>'
