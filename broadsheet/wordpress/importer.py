"""One import run over one or more WXR files of the same site.

1. First pass, each file in turn: the channel (the site's address, the key of every mapping),
   authors, terms, and a list of every item without its content; attachments become photos, in
   batches whose files are fetched in parallel.
2. Second pass: posts and pages (with their comments) in transactions with their mapping rows,
   so a run killed at any point and run again ends as an uninterrupted run does. Posts not
   imported before go in batches of ``POST_BATCH`` (fewer when their bodies pass
   ``POST_BATCH_BYTES``), one transaction each
   (:mod:`.actions.newposts`); the others (pages, scheduled posts, posts seen before) and the
   posts of a batch that failed go one at a time. A page whose parent page comes later in the
   export waits until its parent is in.
3. Links in bodies to posts that came later, archive and feed redirects.

A dry run does all of it inside one transaction that is rolled back, and takes back the files
it stored, so its report is exactly what a real run would do.
"""

import contextlib
import logging
import zoneinfo
from collections.abc import Callable, Iterable
from pathlib import Path

from django.db import transaction
from taggit.models import Tag
from wagtail.models import Page, Site

from broadsheet.articles.models import Author, HomePage, SectionPage
from broadsheet.core.models import SiteSettings
from broadsheet.images.models import Photo
from broadsheet.wordpress import indexing, parse
from broadsheet.wordpress.actions import authors, newposts, photos, posts, redirects
from broadsheet.wordpress.context import ImportContext, Options
from broadsheet.wordpress.models import ImportedObject, Kind
from broadsheet.wordpress.report import Report

logger = logging.getLogger("broadsheet.wordpress")
ATTACHMENT_BATCH = 32
POST_BATCH = 50
POST_BATCH_BYTES = 1_000_000  # of bodies: fewer long posts held at once
Progress = Callable[[str, int, int], None]


class _DryRun(Exception):
    pass


def import_wxr(
    paths: Iterable[str | Path], *, options: Options, progress: Progress | None = None
) -> Report:
    """Import the files into the default site's front page; the report says what happened."""
    paths = [str(p) for p in paths]
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get(pk=site.root_page_id)
    zone = zoneinfo.ZoneInfo(SiteSettings.for_site(site).time_zone)
    report = Report(files=paths, dry_run=options.dry_run)
    ctx = ImportContext(site=site, home=home, zone=zone, options=options, report=report)
    tell = progress or (lambda stage, done, total: None)
    if not options.dry_run:
        _run_indexed(ctx, paths, tell)
        return report
    try:
        with transaction.atomic():
            _run_indexed(ctx, paths, tell)
            raise _DryRun
    except _DryRun:
        pass
    storage = Photo._meta.get_field("file").storage
    for name in ctx.stored_files:
        storage.delete(name)
    return report


def _run_indexed(ctx: ImportContext, paths: list[str], tell: Progress) -> None:
    # Pages written in batches send no save signals, so every page is indexed at the end;
    # deferring (the command) also stops the indexing on save of the others meanwhile.
    deferring = indexing.deferred() if ctx.options.defer_indexing else contextlib.nullcontext()
    try:
        with deferring:
            _run(ctx, paths, tell)
    finally:  # what was written before an error is indexed too
        tell("indexing", 0, 0)
        indexing.index_pages(ctx.touched, lambda done, total: tell("indexing", done, total))


def _run(ctx: ImportContext, paths: list[str], tell: Progress) -> None:
    try:
        for path in paths:
            _first_pass(ctx, path, tell)
        _waiting_pages(ctx, _posts_and_pages(ctx, paths, tell))
        for kind, wp_id in sorted(ctx.pending_links):
            with transaction.atomic():
                posts.resolve_pending_links(ctx, kind, wp_id)
        _archives(ctx)
    except parse.WxrError as error:
        ctx.report.errors.append(str(error))
        logger.error("WordPress import stopped: %s", error)


def _posts_and_pages(ctx: ImportContext, paths: list[str], tell: Progress) -> list[parse.Item]:
    """Import the posts and pages; the pages still waiting for their parent page."""
    total = sum(1 for i in ctx.items.values() if i.type in {"post", "page"})
    done = 0
    waiting: list[parse.Item] = []
    batch: dict[str, parse.Item] = {}
    size = 0
    try:
        for path in paths:
            for record in parse.read_wxr(path):
                if not isinstance(record, parse.Item) or record.type not in {"post", "page"}:
                    continue
                batchable = newposts.batchable(ctx, record) and record.id not in batch
                # In the export's order: what comes next waits for the batch before it.
                if not batchable or len(batch) >= POST_BATCH or size >= POST_BATCH_BYTES:
                    _new_posts(ctx, list(batch.values()))
                    batch.clear()
                    size = 0
                if batchable:
                    batch[record.id] = record
                    size += len(record.content)
                elif not _entry(ctx, record):
                    waiting.append(record)
                done += 1
                tell("posts and pages", done, total)
    finally:  # what was read before a malformed part is kept
        _new_posts(ctx, list(batch.values()))
    return waiting


def _new_posts(ctx: ImportContext, items: list[parse.Item]) -> None:
    """A batch of new posts in one transaction; should it fail, its posts one at a time."""
    if not items:
        return
    try:
        with ctx.report.provisional(), transaction.atomic():
            newposts.import_new_posts(ctx, items)
    except Exception:
        logger.warning(
            "A batch of %d WordPress posts failed, run one at a time", len(items), exc_info=True
        )
        ctx.forget_cached()
        for item in items:
            _entry(ctx, item)


def _first_pass(ctx: ImportContext, path: str, tell: Progress) -> None:
    batch: list[parse.Item] = []
    seen = 0
    try:
        for record in parse.read_wxr(path):
            seen += _listed(ctx, record, batch)
            if len(batch) >= ATTACHMENT_BATCH:
                photos.import_attachments(ctx, batch)
                batch.clear()
            tell("reading", seen, 0)
    finally:  # what was read before a malformed part is kept
        photos.import_attachments(ctx, batch)


def _listed(ctx: ImportContext, record: parse.Record, batch: list[parse.Item]) -> int:
    if isinstance(record, parse.Channel):
        ctx.set_source(record)
    elif isinstance(record, parse.Author):
        ctx.authors[record.login] = record
        authors.import_author(ctx, record)
    elif isinstance(record, parse.Term):
        ctx.terms[(record.taxonomy, record.slug)] = record
        ctx.term_ids[record.term_id] = record
    elif isinstance(record, parse.Item):
        ctx.list_item(record)
        if record.type == "attachment":
            batch.append(record)
        elif record.type not in {"post", "page"}:
            ctx.report.outcome(record.type, record.id, "skipped", "post type not imported")
        return 1
    return 0


def _entry(ctx: ImportContext, item: parse.Item) -> bool:
    """Import one post or page in its own transaction; False when it must wait for its parent."""
    if item.type == "page" and item.status in posts.LIVE | posts.DRAFT:
        if posts.page_parent(ctx, item) is None and ctx.known(Kind.PAGE, item.id) is None:
            return False
    try:
        with transaction.atomic():
            posts.import_entry(ctx, item)
    except Exception as error:
        ctx.forget_cached()
        ctx.report.outcome(item.type, item.id, "skipped", f"could not be imported: {error}")
        logger.exception("WordPress item %s (line %s) could not be imported", item.id, item.line)
    return True


def _waiting_pages(ctx: ImportContext, waiting: list[parse.Item]) -> None:
    while waiting:
        ready = [i for i in waiting if posts.page_parent(ctx, i) is not None]
        if not ready:  # parents that never arrive (skipped, or a loop): under the front page
            for item in waiting:
                ctx.report.warn("page", item.id, [f"parent page {item.parent} not imported"])
                ctx.items[item.parent].status = "not imported"
            ready = waiting
        for item in ready:
            _entry(ctx, item)
        waiting = [i for i in waiting if i not in ready]


def _archives(ctx: ImportContext) -> None:
    sections = {}
    for record in ImportedObject.objects.filter(source=ctx.source, kind=Kind.SECTION):
        section = SectionPage.objects.filter(pk=record.object_id).first()
        if section is not None:
            sections[record.wp_id] = section
    for category, target in ctx.options.section_for.items():
        if target in sections:
            sections[category] = sections[target]
    tags = {}
    for (taxonomy, slug), term in ctx.terms.items():
        if taxonomy in {"post_tag", "category"} and slug not in sections:
            tag = Tag.objects.filter(name=term.name).first()
            if tag is not None:
                tags[slug] = tag.slug
    logins = ImportedObject.objects.filter(source=ctx.source, kind=Kind.AUTHOR)
    by_pk = Author.objects.in_bulk([r.object_id for r in logins])
    people = {r.wp_id: by_pk[r.object_id] for r in logins if r.object_id in by_pk}
    with transaction.atomic():
        redirects.redirect_archives(ctx, sections=sections, tags=tags, authors=people)
        redirects.redirect_site_feeds(ctx)
        _attachment_pages(ctx)


def _attachment_pages(ctx: ImportContext) -> None:
    for listed in ctx.items.values():
        if listed.type != "attachment":
            continue
        photo_id = ctx.known(Kind.ATTACHMENT, listed.id)
        photo = Photo.objects.filter(pk=photo_id).first() if photo_id else None
        if photo is None:
            continue
        parent = ctx.items.get(listed.parent)
        page = None
        if parent is not None and parent.type in {"post", "page"}:
            page_id = ctx.known(Kind.POST if parent.type == "post" else Kind.PAGE, parent.id)
            page = Page.objects.filter(pk=page_id).first() if page_id else None
        redirects.redirect_attachment(ctx, listed, page, photo.file.url)
