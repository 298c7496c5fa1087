"""Edge includes: a part of a page that the HTTP cache fills in on every delivery.

A page cached for hours can still show something that changes within seconds (the breaking
news banner) without being purged: where the cache in front says it can assemble pages
(Varnish sets ``Surrogate-Capability: broadsheet="ESI/1.0"`` on the requests it looks up,
``deploy/varnish/default.vcl``), the page carries ``<esi:include src="…">`` instead of that
part, and the cache fetches the part from its own store, where it is purged by its own key.
Anywhere else (no cache, the nginx front, a CDN without ESI) the page renders the part itself.

A response that used an include says so in ``Surrogate-Control: content="ESI/1.0"`` (the
cache removes it) and gets no ETag or Last-Modified: what readers receive is the assembled
page, which neither validator describes, and the cache must parse a whole body on each fetch
rather than revalidate one it already assembled.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString

CAPABILITY = "Surrogate-Capability"
CONTROL = "Surrogate-Control"
ESI = "ESI/1.0"

_USED = "_broadsheet_edge_includes"


def assembles(request: HttpRequest | None) -> bool:
    """Whether the cache this request came through fills in edge includes."""
    return request is not None and ESI in request.headers.get(CAPABILITY, "")


def include(request: HttpRequest, path: str) -> SafeString:
    """The markup that has the cache insert ``path`` here (only when :func:`assembles`)."""
    setattr(request, _USED, True)
    return format_html('<esi:include src="{}"/>', path)


def used(request: HttpRequest) -> bool:
    return getattr(request, _USED, False)


def mark(request: HttpRequest, response: HttpResponse) -> None:
    """Tell the cache to assemble ``response`` if the page used an include."""
    if used(request):
        response[CONTROL] = f'content="{ESI}"'
        del response["ETag"]
        del response["Last-Modified"]
