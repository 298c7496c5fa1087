"""What one import run knows while it writes: the target site, the options, what the export
holds (read in the first pass) and the WordPress ids already matched to Broadsheet objects."""

import re
from dataclasses import dataclass, field
from datetime import tzinfo
from urllib.parse import parse_qs, urlparse

from wagtail.models import Site

from broadsheet.articles.models import HomePage, SectionPage
from broadsheet.wordpress import parse
from broadsheet.wordpress.models import ImportedObject, Kind
from broadsheet.wordpress.report import Report

_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.\w+$)")


def source_key(channel: parse.Channel) -> str:
    """The export's site as a key: host and path, without scheme or trailing slash."""
    url = urlparse(channel.base_site_url or channel.link)
    return f"{url.netloc.lower()}{url.path.rstrip('/')}"


def image_key(url: str) -> str:
    """An uploads address without WordPress's size suffix (``-300x200``, ``-scaled``)."""
    return _SIZE_SUFFIX.sub("", urlparse(url).path)


@dataclass(frozen=True)
class Options:
    media_dir: str = ""
    dry_run: bool = False
    section_for: dict[str, str] = field(default_factory=dict)  # category slug → section slug
    fetch_workers: int = 8
    fetch_timeout: float = 20
    fetch_attempts: int = 3
    # Index for search and references once at the end instead of page by page. It disconnects
    # the receivers that index on save for the whole process: for the command and the worker,
    # never for a process that serves requests.
    defer_indexing: bool = False


@dataclass
class Listed:
    """An item of the export as the first pass saw it, without its content."""

    id: str
    type: str
    status: str
    path: str
    parent: str
    attachment_url: str = ""


@dataclass
class ImportContext:
    site: Site
    home: HomePage
    zone: tzinfo
    options: Options
    report: Report
    source: str = ""
    hosts: set[str] = field(default_factory=set)
    authors: dict[str, parse.Author] = field(default_factory=dict)  # login → author
    terms: dict[tuple[str, str], parse.Term] = field(default_factory=dict)  # (taxonomy, slug)
    term_ids: dict[str, parse.Term] = field(default_factory=dict)
    items: dict[str, Listed] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # old path → WordPress id
    images: dict[str, str] = field(default_factory=dict)  # image_key → attachment id
    stored_files: list[str] = field(default_factory=list)  # for a dry run to take back
    reported_authors: set[str] = field(default_factory=set)
    sections: dict[str, SectionPage] = field(default_factory=dict)  # section slug → page
    touched: dict[type, set[int]] = field(default_factory=dict)  # model → pks, to index
    pending_links: set[tuple[str, str]] = field(default_factory=set)  # (kind, WordPress id)
    _known: dict[tuple[str, str], int] = field(default_factory=dict)

    def set_source(self, channel: parse.Channel) -> None:
        key = source_key(channel)
        if self.source and key != self.source:
            raise ValueError(f"the files come from two sites: {self.source} and {key}")
        self.source = key
        self.report.source = key
        for url in (channel.base_site_url, channel.link):
            if url:
                self.hosts.add(urlparse(url).netloc.lower())

    def list_item(self, item: parse.Item) -> None:
        path = self.old_path(item.link)
        self.items[item.id] = Listed(
            item.id, item.type, item.status, path, item.parent, item.attachment_url
        )
        if path:
            self.paths.setdefault(path, item.id)
        if item.type == "attachment" and item.attachment_url:
            self.images[image_key(item.attachment_url)] = item.id

    def is_old_site(self, url: str) -> bool:
        parsed = urlparse(url)
        return not parsed.netloc or parsed.netloc.lower() in self.hosts

    def old_path(self, url: str) -> str:
        """The path (and query, for ``?p=12`` links) of an address on the old site."""
        if not url or not self.is_old_site(url):
            return ""
        parsed = urlparse(url)
        path = parsed.path or "/"
        return f"{path}?{parsed.query}" if parsed.query else path

    def item_for_url(self, url: str) -> str:
        """The WordPress id an address on the old site names, or ""."""
        path = self.old_path(url)
        if not path:
            return ""
        query = parse_qs(urlparse(path).query)
        for key in ("p", "page_id", "attachment_id"):
            if query.get(key, [""])[0].isdigit():
                return query[key][0]
        bare = urlparse(path).path
        for candidate in (bare, bare.rstrip("/") + "/", bare.rstrip("/")):
            if candidate in self.paths:
                return self.paths[candidate]
        return ""

    def known(self, kind: Kind, wp_id: str) -> int | None:
        """The Broadsheet id a WordPress thing became in an earlier run or this one."""
        key = (kind, wp_id)
        if key not in self._known:
            found = (
                ImportedObject.objects.filter(source=self.source, kind=kind, wp_id=wp_id)
                .values_list("object_id", flat=True)
                .first()
            )
            if found is None:
                return None
            self._known[key] = found
        return self._known[key]

    def known_digest(self, kind: Kind, wp_id: str) -> str:
        record = ImportedObject.objects.filter(source=self.source, kind=kind, wp_id=wp_id)
        return record.values_list("digest", flat=True).first() or ""

    def remember(self, kind: Kind, wp_id: str, object_id: int, **fields) -> ImportedObject:
        self._known[(kind, wp_id)] = object_id
        record, _ = ImportedObject.objects.update_or_create(
            source=self.source, kind=kind, wp_id=wp_id, defaults={"object_id": object_id, **fields}
        )
        return record

    def remember_new(self, kind: Kind, found: list[tuple[str, int, str]]) -> None:
        """Mappings never made before: (WordPress id, object id, digest) each, in one insert."""
        ImportedObject.objects.bulk_create(
            ImportedObject(source=self.source, kind=kind, wp_id=wp_id, object_id=pk, digest=d)
            for wp_id, pk, d in found
        )
        self._known.update({(kind, wp_id): pk for wp_id, pk, _ in found})

    def forget_cached(self) -> None:
        """After a rolled-back item, what this run remembered may name rows that are gone, and
        the front page's count of children may be one it never kept."""
        self._known.clear()
        self.sections.clear()
        self.home.refresh_from_db(fields=["numchild"])
