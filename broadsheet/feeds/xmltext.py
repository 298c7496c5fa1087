"""Text as XML can carry it.

XML 1.0 allows only these characters (the ``Char`` production of the specification): tab, line
feed, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF. Anything else (other
control characters such as NUL or ESC, lone surrogates, the non-characters U+FFFE and U+FFFF)
makes a document no parser accepts, and Django's XML writer refuses it outright. Readers can put
such characters in a comment and editors can paste them into a headline, so everything our feeds
and sitemaps write goes through :func:`xml_safe` first.
"""

import re

_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold; everything else is kept as it is."""
    return _NOT_XML_CHAR.sub("", text)
