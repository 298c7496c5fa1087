"""A wire item's sanitised HTML as an article body's blocks (``articles.blocks``). Pure.

Paragraphs and lists in a row become one paragraph block, as an editor would type them;
``h2``–``h4`` become subheadings, ``blockquote`` a quote. ``strong``/``em`` are written as
the ``b``/``i`` Wagtail's rich text stores.
"""

from html import escape

from lxml import html as lxml_html

FLOWING = {"p", "ul", "ol"}
SUBHEADINGS = {"h2", "h3", "h4"}
RENAMED = {"strong": "b", "em": "i"}


def body_blocks(markup: str) -> list[dict]:
    """``[{"type": ..., "value": ...}]``, ready for a StreamField; ``[]`` for no text."""
    if not markup.strip():
        return []
    blocks: list[dict] = []
    flowing: list[str] = []

    def flush() -> None:
        if flowing:
            blocks.append({"type": "paragraph", "value": "".join(flowing)})
            flowing.clear()

    for node in lxml_html.fragments_fromstring(markup):
        if isinstance(node, str):
            if node.strip():
                flowing.append(f"<p>{escape(node.strip())}</p>")
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SUBHEADINGS:
            flush()
            blocks.append({"type": "subheading", "value": node.text_content().strip()})
        elif tag == "blockquote":
            flush()
            text = " ".join(node.text_content().split())
            blocks.append({"type": "quote", "value": {"text": text, "attribution": ""}})
        elif tag in FLOWING:
            flowing.append(_markup(node))
        elif tag:
            flowing.append(f"<p>{_inner(node)}</p>")
        if isinstance(node.tail, str) and node.tail.strip():
            flowing.append(f"<p>{escape(node.tail.strip())}</p>")
    flush()
    return blocks


def _markup(node) -> str:
    tag = RENAMED.get(node.tag, node.tag)
    if tag == "br":
        return "<br/>"
    href = node.get("href")
    attributes = f' href="{escape(href)}"' if tag == "a" and href else ""
    return f"<{tag}{attributes}>{_inner(node)}</{tag}>"


def _inner(node) -> str:
    parts = [escape(node.text or "")]
    for child in node:
        if isinstance(child.tag, str):
            parts.append(_markup(child))
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def first_paragraph_text(markup: str, *, limit: int = 400) -> str:
    """The text of the body's first paragraph, for a standfirst when the item has no summary."""
    for block in body_blocks(markup):
        if block["type"] == "paragraph":
            first = lxml_html.fragments_fromstring(block["value"])[0]
            text = first.text_content() if not isinstance(first, str) else first
            return " ".join(text.split())[:limit]
    return ""
