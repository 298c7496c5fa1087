"""Share links: plain links to each service's public share URL. No scripts, no widgets and no
request to any third party unless a reader follows one."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ShareLink:
    service: str
    label: str | Promise
    url: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """Where a reader can share an article, in a fixed order."""
    text = f"{title} {url}"
    return [
        # mailto: wants %20 for spaces, not "+".
        ShareLink(
            "email",
            _("Email"),
            "mailto:?" + urlencode({"subject": title, "body": url}, quote_via=quote),
        ),
        ShareLink(
            "bluesky", "Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})
        ),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
    ]
