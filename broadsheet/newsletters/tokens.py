"""Signed links in emails: confirm a sign-up, open one's preferences, unsubscribe in one click.

Links carry the subscriber's id and link version, signed with the site's secret
(``django.core.signing``), so no account or password is needed and nothing is stored per link.
Confirmation links expire; preference and unsubscribe links last as long as the subscriber's
link version, which an erasure raises.
"""

from dataclasses import dataclass

from django.core import signing

from broadsheet.newsletters.models import Subscriber

CONFIRM_SALT = "broadsheet.newsletters.confirm"
MANAGE_SALT = "broadsheet.newsletters.manage"
OPEN_SALT = "broadsheet.newsletters.open"
CONFIRM_MAX_AGE = 7 * 24 * 3600


@dataclass(frozen=True)
class ManageLink:
    subscriber: Subscriber
    newsletter_id: int | None
    edition_id: int | None


def confirm_token(subscriber: Subscriber, newsletter_ids: list[int]) -> str:
    """Names the newsletters chosen, so confirming subscribes to exactly those."""
    return signing.dumps(
        {"s": subscriber.pk, "v": subscriber.link_version, "n": sorted(newsletter_ids)},
        salt=CONFIRM_SALT,
        compress=True,
    )


def read_confirm_token(token: str) -> tuple[Subscriber, list[int]] | None:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    subscriber = _subscriber(data)
    if subscriber is None or not isinstance(data.get("n"), list):
        return None
    return subscriber, [int(n) for n in data["n"]]


def manage_token(
    subscriber: Subscriber, newsletter_id: int | None = None, edition_id: int | None = None
) -> str:
    """For the preferences page and one-click unsubscribe (from ``newsletter_id``, or all)."""
    data = {"s": subscriber.pk, "v": subscriber.link_version}
    if newsletter_id is not None:
        data["n"] = newsletter_id
    if edition_id is not None:
        data["e"] = edition_id  # so the edition's counts can show who left after it
    return signing.dumps(data, salt=MANAGE_SALT)


def read_manage_token(token: str) -> ManageLink | None:
    try:
        data = signing.loads(token, salt=MANAGE_SALT)
    except signing.BadSignature:
        return None
    subscriber = _subscriber(data)
    if subscriber is None:
        return None
    return ManageLink(subscriber, data.get("n"), data.get("e"))


def delivery_token(delivery_id: int) -> str:
    return signing.dumps(delivery_id, salt=OPEN_SALT)


def read_delivery_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=OPEN_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


CLICK_SALT = "broadsheet.newsletters.click"


def click_token(delivery_id: int, url: str) -> str:
    """Names the copy and the address it leads to; signed, so it redirects nowhere else."""
    return signing.dumps([delivery_id, url], salt=CLICK_SALT, compress=True)


def read_click_token(token: str) -> tuple[int, str] | None:
    try:
        value = signing.loads(token, salt=CLICK_SALT)
    except signing.BadSignature:
        return None
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        return None
    return value[0], str(value[1])


def _subscriber(data: object) -> Subscriber | None:
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    subscriber = Subscriber.objects.filter(pk=data["s"]).first()
    if subscriber is None or subscriber.link_version != data.get("v"):
        return None
    return subscriber
