"""WordPress's automatic paragraphs, as the classic editor's content is shown to readers.

Classic WordPress content is stored with blank lines where the author pressed Enter twice and
single newlines for line breaks; WordPress turns them into ``<p>`` and ``<br />`` when it renders
the post (its ``wpautop`` filter). The import must do the same, or a classic post arrives as one
long paragraph. :func:`autop` follows WordPress's rules step by step: block-level tags are never
wrapped, text between them becomes paragraphs, single newlines become ``<br />`` outside
``<pre>``, ``<script>`` and ``<style>``, and newlines inside tags are left alone.
"""

import re

_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|"
    r"form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|"
    r"aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
_NEWLINE_IN_TAG = " <!-- wpnl --> "
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_PRESERVE = re.compile(r"<(script|style|svg|math)[\s>].*?</\1>", re.DOTALL | re.IGNORECASE)


def autop(text: str, *, line_breaks: bool = True) -> str:
    """``text`` with paragraphs and line breaks made from its blank lines and newlines."""
    if not text.strip():
        return ""
    text += "\n"
    text, pre_blocks = _set_aside(text, _PRE, "<pre wp-pre-tag-{}></pre>")
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{_BLOCKS}[\s/>])", r"\n\n\1", text, flags=re.IGNORECASE)
    text = re.sub(rf"(</{_BLOCKS}>)", r"\1\n\n", text, flags=re.IGNORECASE)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text, flags=re.IGNORECASE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _TAG.sub(lambda tag: tag.group().replace("\n", _NEWLINE_IN_TAG), text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)
    text = _unwrap_blocks(text)
    if line_breaks:
        text, kept = _set_aside(text, _PRESERVE, "<wp-preserve-{}>")
        text = re.sub(r"<br\s*/?>", "<br />", text)
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = _put_back(text, kept, "<wp-preserve-{}>")
    text = re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*<br />", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(
        r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text, flags=re.I
    )
    text = re.sub(r"\n</p>$", "</p>", text)
    text = _put_back(text, pre_blocks, "<pre wp-pre-tag-{}></pre>")
    return text.replace(_NEWLINE_IN_TAG, "\n").replace(_NEWLINE_IN_TAG.strip(), "\n")


def _unwrap_blocks(text: str) -> str:
    """Take back the paragraphs that were wrapped round block-level tags."""
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.IGNORECASE)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{_BLOCKS}[^>]*>)", r"\1", text, flags=re.IGNORECASE)
    return re.sub(rf"(</?{_BLOCKS}[^>]*>)\s*</p>", r"\1", text, flags=re.IGNORECASE)


def _set_aside(text: str, pattern: re.Pattern, marker: str) -> tuple[str, list[str]]:
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return marker.format(len(kept) - 1)

    return pattern.sub(keep, text), kept


def _put_back(text: str, kept: list[str], marker: str) -> str:
    for number, original in enumerate(kept):
        text = text.replace(marker.format(number), original)
    return text
