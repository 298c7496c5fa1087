"""Categories → sections (a post's primary category), the others → tags."""

from broadsheet.articles.models import SectionPage
from broadsheet.wordpress import parse
from broadsheet.wordpress.context import ImportContext
from broadsheet.wordpress.models import Kind

YOAST_PRIMARY = "_yoast_wpseo_primary_category"
# Paths the reader site answers itself (docs/architecture.md, "Reader site").
RESERVED_SLUGS = frozenset({"authors", "topics", "archive", "search", "feeds", "comments"})
DEFAULT_CATEGORY = "uncategorized"


def primary_category(ctx: ImportContext, item: parse.Item) -> parse.ItemTerm | None:
    """Yoast's primary category when it names one of the post's own, else the first."""
    categories = [t for t in item.terms if t.domain == "category"]
    primary = ctx.term_ids.get(item.meta_value(YOAST_PRIMARY))
    for term in categories:
        if primary is not None and term.slug == primary.slug:
            return term
    return categories[0] if categories else None


def section_for(ctx: ImportContext, category: parse.ItemTerm | None) -> SectionPage:
    """The section a category's posts go to, created (live, with a revision) when missing."""
    slug = category.slug if category else DEFAULT_CATEGORY
    title = category.name if category else "Uncategorized"
    target = ctx.options.section_for.get(slug, slug)
    if target != slug:
        title = target.replace("-", " ").title()
    if target in ctx.sections:
        return ctx.sections[target]
    known = ctx.known(Kind.SECTION, target)
    section = SectionPage.objects.filter(pk=known).first() if known else None
    if section is None:
        section = SectionPage.objects.child_of(ctx.home).filter(slug=target).first()
    if section is None:
        page_slug = f"{target}-section" if target in RESERVED_SLUGS else target
        section = SectionPage.objects.child_of(ctx.home).filter(slug=page_slug).first()
        if section is None:
            section = ctx.home.add_child(instance=SectionPage(title=title[:255], slug=page_slug))
            section.save_revision(log_action=False).publish(log_action=False)
            ctx.report.outcome("section", target, "created")
            if page_slug != target:
                ctx.report.warn("section", target, [f"named {page_slug}: {target} is a site path"])
    ctx.remember(Kind.SECTION, target, section.pk)
    ctx.sections[target] = section
    return section


def tag_names(item: parse.Item, primary: parse.ItemTerm | None) -> list[str]:
    """Tags, then the categories other than the primary one, so none is lost."""
    names = [t.name for t in item.terms if t.domain == "post_tag" and t.name]
    names += [
        t.name
        for t in item.terms
        if t.domain == "category" and t.name and (primary is None or t.slug != primary.slug)
    ]
    unique: list[str] = []
    for name in names:
        if name.casefold() not in {n.casefold() for n in unique}:
            unique.append(name[:100])
    return unique
