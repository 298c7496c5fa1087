"""WordPress shortcodes the import understands, turned into plain HTML the body reader knows.

``[caption]`` becomes a ``<figure>`` with its ``<figcaption>``; ``[gallery ids="…"]``,
``[embed]URL[/embed]``, ``[audio]`` and ``[video]`` become empty figures that carry what they
name in ``data-wp-*`` attributes (read by :mod:`broadsheet.wordpress.bodies`). A URL alone on
its line, which WordPress embeds by itself, is treated as ``[embed]``. Any other shortcode is
left in the text as it was written and named in the result, so the report can list it.
"""

import html
import re
from dataclasses import dataclass

# [name attrs]content[/name] or [name attrs] or [name attrs /]; [[escaped]] is left alone.
_SHORTCODE = re.compile(
    r"(?<!\[)\[(?P<name>[a-zA-Z][\w-]*)(?P<attrs>(?:\s[^\]]*?)?)(?P<self>/)?\]"
    r"(?:(?P<content>.*?)\[/(?P=name)\])?",
    re.DOTALL,
)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s'"]+))""")
_LONE_URL = re.compile(r"^[ \t]*(?:<p>)?[ \t]*(https?://[^\s<>\"]+)[ \t]*(?:</p>)?[ \t]*$", re.M)
_MEDIA_KEYS = ("src", "mp3", "m4a", "ogg", "wav", "wma", "mp4", "m4v", "webm", "ogv", "flv")
KNOWN = frozenset({"caption", "wp_caption", "gallery", "embed", "audio", "video"})


@dataclass(frozen=True)
class Expanded:
    html: str
    unknown: tuple[str, ...]  # names of shortcodes left as text, in order, each once


def parse_attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(next(g for g in m.groups()[1:] if g is not None))
        for m in _ATTR.finditer(text)
    }


def expand(text: str) -> Expanded:
    """``text`` with the known shortcodes expanded; unknown ones named."""
    unknown: list[str] = []

    def replace(match: re.Match) -> str:
        name = match.group("name").lower()
        attrs = parse_attributes(match.group("attrs") or "")
        content = match.group("content") or ""
        if name in {"caption", "wp_caption"}:
            return _caption(attrs, content)
        if name == "gallery":
            return f'<figure data-wp-gallery="{html.escape(attrs.get("ids", ""))}"></figure>'
        if name == "embed":
            return _figure("data-wp-embed", content.strip() or attrs.get("src", ""))
        if name in {"audio", "video"}:
            source = next((attrs[k] for k in _MEDIA_KEYS if attrs.get(k)), content.strip())
            return _figure("data-wp-media", source)
        if name not in unknown:
            unknown.append(name)
        return match.group()

    expanded = _SHORTCODE.sub(replace, text)
    expanded = _LONE_URL.sub(lambda m: _figure("data-wp-embed", m.group(1)), expanded)
    return Expanded(html=expanded, unknown=tuple(unknown))


def _figure(attribute: str, url: str) -> str:
    return f'<figure {attribute}="{html.escape(url.strip())}"></figure>'


def _caption(attrs: dict[str, str], content: str) -> str:
    """``[caption id="attachment_12"]<img …> The caption[/caption]`` as a figure."""
    content = content.strip()
    caption = attrs.get("caption", "")
    picture = content
    split = re.match(r"^((?:<a [^>]*>\s*)?<img [^>]*>(?:\s*</a>)?)(.*)$", content, re.DOTALL | re.I)
    if split:
        picture, rest = split.group(1), split.group(2).strip()
        caption = caption or rest
    identifier = attrs.get("id", "").removeprefix("attachment_")
    data = f' data-wp-attachment="{html.escape(identifier)}"' if identifier.isdigit() else ""
    return f"<figure{data}>{picture}<figcaption>{caption}</figcaption></figure>"
