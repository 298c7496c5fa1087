"""Where an attachment's bytes come from: a copy of ``wp-content/uploads/``, or its address.

With a directory (``--media``) the old site need not be online: a file is found by its
``_wp_attached_file`` path, else by the part of its address after ``/uploads/``, and never
outside the directory. Without one, files are fetched over HTTP(S) in parallel, each with a
timeout and a few attempts with growing pauses; what cannot be had is returned as a reason, for
the report, never raised past the import.
"""

import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Wanted:
    key: str  # the WordPress id or address the file is for
    url: str
    relative_path: str = ""  # _wp_attached_file, relative to uploads/


@dataclass(frozen=True)
class Fetched:
    key: str
    data: bytes | None
    name: str
    problem: str = ""


def uploads_path(url: str) -> str:
    """The part of an uploads address below ``uploads/``: ``2020/01/harbour.jpg``."""
    path = unquote(urlparse(url).path)
    marker = "/uploads/"
    return path.split(marker, 1)[1] if marker in path else path.lstrip("/")


class DirectorySource:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).resolve()

    def fetch_all(self, wanted: Iterable[Wanted]) -> list[Fetched]:
        return [self.fetch(item) for item in wanted]

    def fetch(self, item: Wanted) -> Fetched:
        name = Path(item.relative_path or uploads_path(item.url)).name
        for candidate in (item.relative_path, uploads_path(item.url) if item.url else ""):
            if not candidate:
                continue
            path = (self.root / candidate).resolve()
            if not path.is_relative_to(self.root):
                return Fetched(item.key, None, name, f"{candidate} lies outside the media folder")
            if path.is_file():
                if path.stat().st_size > MAX_BYTES:
                    return Fetched(item.key, None, name, f"{candidate} is larger than 64 MB")
                return Fetched(item.key, path.read_bytes(), path.name)
        where = item.relative_path or uploads_path(item.url)
        return Fetched(item.key, None, name, f"{where} is not in the media folder {self.root}")


class HttpSource:
    def __init__(self, *, workers: int = 8, timeout: float = 20, attempts: int = 3) -> None:
        self.workers, self.timeout, self.attempts = workers, timeout, attempts

    def fetch_all(self, wanted: Iterable[Wanted]) -> list[Fetched]:
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            return list(pool.map(self.fetch, wanted))

    def fetch(self, item: Wanted) -> Fetched:
        name = Path(uploads_path(item.url)).name or "file"
        if urlparse(item.url).scheme not in {"http", "https"}:
            return Fetched(item.key, None, name, f"not an http(s) address: {item.url!r}")
        problem = ""
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(0.5 * 2**attempt)
            try:
                return Fetched(item.key, self._get(item.url), name)
            except urllib.error.HTTPError as error:
                problem = f"{item.url} answered {error.code}"
                if error.code < 500 and error.code != 429:
                    break  # asking again will not help
            except (OSError, ValueError) as error:
                problem = f"{item.url} could not be fetched: {error}"
        return Fetched(item.key, None, name, problem)

    def _get(self, url: str) -> bytes:
        # fetch() lets only http(s) addresses through.
        request = urllib.request.Request(url, headers={"User-Agent": "Broadsheet WXR import"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValueError("larger than 64 MB")
        return data
