"""New pages written many at a time, ending as ``parent.add_child(instance=page)`` followed by
``page.save_revision()`` (and, for a live page, its first revision as the live one) leave them.

For each page that is: its place in the tree (``path``, ``depth``, the parent's ``numchild``;
:mod:`broadsheet.wordpress.tree`), ``url_path``, ``draft_title``, the parent's locale, the
``wagtailcore_page`` row and the rows of the page type's own tables, its child relations
(bylines, tags: modelcluster's rows), one revision holding what the page's save left (as
``save_revision`` stores it) as ``latest_revision`` (and ``live_revision`` when live) and the
"created" entry of the page's history. A few queries a batch instead of a few dozen a page.

Pages are validated as their save would: in full when live, title and slug for a draft. Not
done here, since no save happens: the page model's own ``save()`` (the caller sets what it
derives) and the ``post_save`` receivers (search and reference indexing, purges).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Model
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision

from broadsheet.wordpress.tree import child_paths

# What save_revision() and publishing set once the revision exists.
_AFTER_REVISION = [
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "has_unpublished_changes",
]


@dataclass
class NewPage:
    """A specific page instance, fields set and not saved, and where it goes."""

    parent: Page
    page: Page


def insert_pages(new: list[NewPage]) -> None:
    """Write the pages; each ``page`` gets its primary key, revision and tree fields."""
    if not new:
        return
    now = timezone.now()
    children = [_child_rows(n.page) for n in new]  # read while unsaved: nothing to query
    _place(new)
    for n in new:
        _validate(n)
    base = [Page(**{f.attname: getattr(n.page, f.attname) for f in _base_fields()}) for n in new]
    Page.objects.bulk_create(base)
    for n, row in zip(new, base, strict=True):
        n.page.id = n.page.page_ptr_id = row.pk
    for model, pages in _by_model(n.page for n in new).items():
        _insert_own_rows(model, pages)
    _insert_children(new, children)
    revisions = [_revision(n.page, now) for n in new]
    Revision.objects.bulk_create(revisions)
    for n, row, revision in zip(new, base, revisions, strict=True):
        n.page.latest_revision = row.latest_revision = revision
        n.page.latest_revision_created_at = row.latest_revision_created_at = revision.created_at
        live = revision if n.page.live else None
        n.page.live_revision = row.live_revision = live
        n.page.has_unpublished_changes = row.has_unpublished_changes = not n.page.live
    Page.objects.bulk_update(base, _AFTER_REVISION)
    PageLogEntry.objects.bulk_create(_created_entry(n.page, now) for n in new)
    _count_children(new)


def _base_fields() -> list:
    return [f for f in Page._meta.concrete_fields if not f.primary_key]


def _place(new: list[NewPage]) -> None:
    """Paths after each parent's last child, in the order given; url paths; the locale."""
    by_parent: dict[int, list[NewPage]] = defaultdict(list)
    for n in new:
        by_parent[n.parent.pk].append(n)
    for group in by_parent.values():
        parent = group[0].parent
        last = (
            Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        paths = child_paths(
            parent.path, last, len(group), steplen=Page.steplen, alphabet=Page.alphabet
        )
        for n, path in zip(group, paths, strict=True):
            n.page.path, n.page.depth, n.page.numchild = path, parent.depth + 1, 0
            n.page.url_path = f"{parent.url_path}{n.page.slug}/"
            n.page.draft_title = n.page.title
            n.page.locale_id = parent.locale_id


def _validate(n: NewPage) -> None:
    # Treebeard's get_parent() answers from this attribute (Wagtail's route() sets it too).
    n.page._cached_parent_obj = n.parent
    if n.page.live:
        n.page.full_clean(validate_unique=False)  # a new path and translation key: unique
    else:
        n.page.minimal_clean()


def _by_model(pages) -> dict[type, list[Page]]:
    grouped: dict[type, list[Page]] = defaultdict(list)
    for page in pages:
        grouped[type(page)].append(page)
    return grouped


def _insert_own_rows(model: type[Page], pages: list[Page]) -> None:
    """The rows of each table between ``Page`` and ``model`` (Django's ``bulk_create`` does
    not write multi-table inheritance), with the values a save would write."""
    chain_of_tables = [m for m in reversed(model._meta.get_parent_list()) if m is not Page]
    quote = connection.ops.quote_name
    for table_model in [*chain_of_tables, model]:
        fields = table_model._meta.local_concrete_fields
        columns = ", ".join(quote(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        # Table and column names come from the models, quoted; values are parameters.
        sql = f"INSERT INTO {quote(table_model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
        rows = [
            [f.get_db_prep_save(f.pre_save(p, True), connection) for f in fields] for p in pages
        ]
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def _child_rows(page: Page) -> dict[str, list[Model]]:
    return {
        rel.get_accessor_name(): list(getattr(page, rel.get_accessor_name()).all())
        for rel in get_all_child_relations(page)
    }


def _insert_children(new: list[NewPage], children: list[dict[str, list[Model]]]) -> None:
    """modelcluster's child rows (bylines, tags…) under their new pages, kept on the instances
    so the revision holds them with their ids, as ``save_revision`` does."""
    by_model: dict[type, list[Model]] = defaultdict(list)
    for n, relations in zip(new, children, strict=True):
        for rel in get_all_child_relations(n.page):
            rows = relations[rel.get_accessor_name()]
            for row in rows:
                setattr(row, rel.field.attname, n.page.pk)
            setattr(n.page, rel.get_accessor_name(), rows)
            by_model[rel.related_model].extend(rows)
    for model, rows in by_model.items():
        model.objects.bulk_create(rows)


def _revision(page: Page, now) -> Revision:
    return Revision(
        content_type_id=page.content_type_id,
        base_content_type=_page_type(),
        object_id=str(page.pk),
        content=page.serializable_data(),
        object_str=str(page),
        created_at=now,
    )


def _page_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def _created_entry(page: Page, now) -> PageLogEntry:
    return PageLogEntry(
        content_type_id=page.content_type_id,
        label=page.get_admin_display_title(),
        action="wagtail.create",
        timestamp=now,
        data={},
        content_changed=True,
        page_id=page.pk,
    )


def _count_children(new: list[NewPage]) -> None:
    added: dict[int, int] = defaultdict(int)
    parents = {}
    for n in new:
        added[n.parent.pk] += 1
        parents[n.parent.pk] = n.parent
    for pk, count in added.items():
        Page.objects.filter(pk=pk).update(numchild=F("numchild") + count)
        parents[pk].numchild += count
