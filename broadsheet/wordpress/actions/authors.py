"""WordPress authors (``wp:author``, Co-Authors Plus terms) → ``Author`` snippets."""

import hashlib

from django.utils.text import slugify

from broadsheet.articles.models import Author
from broadsheet.wordpress import parse
from broadsheet.wordpress.context import ImportContext
from broadsheet.wordpress.models import ImportedObject, Kind

COAUTHOR_PREFIX = "cap-"


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def unique_author_slug(name: str) -> str:
    base = slugify(name)[:110] or "author"
    slug, number = base, 2
    while Author.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def ensure_author(ctx: ImportContext, *, login: str, name: str, email: str = "") -> Author:
    """The author for a WordPress login: matched on the login, then on the email address."""
    found = ctx.known(Kind.AUTHOR, login)
    if found is None and email:
        match = ImportedObject.objects.filter(kind=Kind.AUTHOR, alias__iexact=email).first()
        found = match.object_id if match else None
    author = Author.objects.filter(pk=found).first() if found else None
    if author is not None and login in ctx.reported_authors:
        return author
    ctx.reported_authors.add(login)
    digest = _digest(name, email)
    record = ImportedObject.objects.filter(source=ctx.source, kind=Kind.AUTHOR, wp_id=login).first()
    if author is None:
        author = Author.objects.create(name=name[:120], slug=unique_author_slug(name or login))
        ctx.report.outcome("author", login, "created")
    elif record is not None and record.digest != digest and author.name != name[:120]:
        author.name = name[:120]
        author.save(update_fields=["name"])
        ctx.report.outcome("author", login, "updated")
    else:
        ctx.report.outcome("author", login, "unchanged")
    ctx.remember(Kind.AUTHOR, login, author.pk, alias=email[:255], digest=digest)
    return author


def import_author(ctx: ImportContext, record: parse.Author) -> Author:
    return ensure_author(
        ctx, login=record.login, name=record.display_name or record.login, email=record.email
    )


def authors_of(ctx: ImportContext, item: parse.Item) -> tuple[list[Author], list[str]]:
    """The item's byline in order: Co-Authors Plus terms when present, else ``dc:creator``."""
    notes: list[str] = []
    logins = [t for t in item.terms if t.domain == "author"]
    authors: list[Author] = []
    for term in logins:
        login = term.slug.removeprefix(COAUTHOR_PREFIX)
        known = ctx.authors.get(login)
        if known is not None:
            authors.append(import_author(ctx, known))
            continue
        stored = ctx.terms.get(("author", term.slug))
        name = term.name or login
        email = ""
        if stored is not None and "@" in stored.description:
            email = next((w for w in stored.description.split() if "@" in w), "")
        authors.append(ensure_author(ctx, login=login, name=name, email=email))
    if not authors and item.creator:
        known = ctx.authors.get(item.creator)
        if known is None:
            notes.append(f"author {item.creator!r} is not among the export's authors")
            authors.append(ensure_author(ctx, login=item.creator, name=item.creator))
        else:
            authors.append(import_author(ctx, known))
    unique: list[Author] = []
    for author in authors:
        if author not in unique:
            unique.append(author)
    return unique, notes
