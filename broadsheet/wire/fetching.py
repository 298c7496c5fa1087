"""Fetching a source: conditional GETs over HTTP, or the files of a watched folder.

Pure of the database: a source's address, credentials and the validators of its last answer
in, an :class:`Answer` out. An unchanged answer is told apart without reading a body: HTTP
304 to ``If-None-Match`` / ``If-Modified-Since``, or a folder whose files' names, sizes and
times are those of the last poll.
"""

import base64
import hashlib
import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20 * 1024 * 1024  # an answer larger than this is refused, not read into memory
USER_AGENT = "Broadsheet wire desk"
FOLDER_SUFFIXES = {".xml", ".json", ".rss", ".atom", ".ninjs", ".nml"}


class FetchError(Exception):
    """The source could not be read; recorded as its error, polled again after a pause."""


@dataclass(frozen=True)
class Target:
    url: str
    auth: str = ""  # "", "basic" or "bearer"
    username: str = ""
    secret: str = ""
    etag: str = ""
    last_modified: str = ""
    # For folders: the time (seconds since the epoch) of the last successful read; older files
    # were read then, and are not read again.
    since: float | None = None


@dataclass(frozen=True)
class Answer:
    """``documents`` is empty when nothing changed since the validators sent."""

    changed: bool
    documents: tuple[bytes, ...] = ()
    etag: str = ""
    last_modified: str = ""


def public_address(url: str) -> bool:
    """Whether every address ``url``'s host resolves to is a public one: not loopback, not a
    private or link-local network, not reserved. A picture a feed names is fetched only
    then, so a feed cannot make the server read its own network (a cloud's metadata
    service, an admin port). Unresolvable hosts are not public."""
    host = urlsplit(url).hostname
    if not host:
        return False
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    addresses = {ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in found}
    return bool(addresses) and all(address.is_global for address in addresses)


def fetch(request: Target, *, folder: bool = False) -> Answer:
    return read_folder(request) if folder else fetch_http(request)


def fetch_http(request: Target) -> Answer:
    if not request.url.startswith(("http://", "https://")):
        raise FetchError(f"Not an http(s) address: {request.url}")
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    if request.auth == "basic":
        pair = f"{request.username}:{request.secret}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
    elif request.auth == "bearer":
        headers["Authorization"] = f"Bearer {request.secret}"
    try:
        # Only http(s) reaches here (checked above), never file: or ftp:.
        with urlopen(Request(request.url, headers=headers), timeout=TIMEOUT_SECONDS) as reply:  # noqa: S310
            body = reply.read(MAX_BYTES + 1)
            if len(body) > MAX_BYTES:
                raise FetchError(f"The answer is larger than {MAX_BYTES} bytes")
            return Answer(
                changed=True,
                documents=(body,),
                etag=reply.headers.get("ETag", ""),
                last_modified=reply.headers.get("Last-Modified", ""),
            )
    except HTTPError as error:
        if error.code == 304:
            return Answer(changed=False, etag=request.etag, last_modified=request.last_modified)
        raise FetchError(f"HTTP {error.code} {error.reason}") from error
    except (URLError, TimeoutError, OSError) as error:
        raise FetchError(f"Unreachable: {getattr(error, 'reason', error)}") from error


#: Files changed this long before the last read are read again: clocks and copies lag.
FOLDER_SLACK_SECONDS = 120


def read_folder(request: Target) -> Answer:
    """The folder's feed files changed since the last read (all of them the first time);
    unchanged when no file was added, changed or removed."""
    folder = Path(request.url.removeprefix("file://"))
    if not folder.is_dir():
        raise FetchError(f"No such folder: {folder}")
    try:
        files = sorted(
            p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
        )
        stats = [(p, p.stat()) for p in files]
        listing = "\n".join(f"{p.name}:{st.st_size}:{st.st_mtime_ns}" for p, st in stats)
        etag = hashlib.sha256(listing.encode()).hexdigest()[:32]
        if etag == request.etag:
            return Answer(changed=False, etag=etag)
        since = request.since - FOLDER_SLACK_SECONDS if request.since is not None else None
        fresh = [p for p, st in stats if since is None or st.st_mtime >= since]
        return Answer(changed=True, documents=tuple(p.read_bytes() for p in fresh), etag=etag)
    except OSError as error:
        raise FetchError(f"The folder cannot be read: {error}") from error
