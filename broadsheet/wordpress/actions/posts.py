"""Posts → articles and pages → plain pages, with their dates, status, body, hero and byline.

Status: ``publish`` goes live with its WordPress date as first publication, ``future`` is
scheduled, ``draft`` and ``pending`` stay drafts, ``private`` goes live behind a view
restriction for the newsroom's groups, a password-protected post behind its password;
``trash`` and ``auto-draft`` are skipped and reported. Every page is created the way an editor's
is, with a revision.
"""

import hashlib
import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Revision

from broadsheet.articles.models import ArticleAuthor, ArticlePage, TopStory
from broadsheet.images.models import Photo
from broadsheet.wordpress import bodies, parse
from broadsheet.wordpress.actions import authors, photos, redirects, sections
from broadsheet.wordpress.actions.comments import import_comments
from broadsheet.wordpress.context import ImportContext, image_key
from broadsheet.wordpress.dates import wp_datetime
from broadsheet.wordpress.models import Kind, PlainPage

PUBLISHED = frozenset({"publish", "private"})
LIVE = PUBLISHED | {"future"}
DRAFT = frozenset({"draft", "pending"})
PRIVATE_GROUPS = ("Editors", "Moderators")
STANDFIRST_LENGTH = 400
_HREF = re.compile(r'<a href="([^"]*)">')


def digest(item: parse.Item) -> str:
    """A fingerprint of what the item imports as, to tell an edited item on a later run."""
    meta = sorted((k, v) for k, v in item.meta.items() if not k.startswith("_edit"))
    parts = (
        item.title,
        item.content,
        item.excerpt,
        item.status,
        item.date_gmt,
        item.date,
        item.slug,
        item.creator,
        item.password,
        repr(item.terms),
        repr(meta),
        item.parent,
        str(item.is_sticky),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def import_entry(ctx: ImportContext, item: parse.Item) -> Page | None:
    """Import one post or page; None when it is skipped or its parent page is still to come."""
    kind = Kind.POST if item.type == "post" else Kind.PAGE
    if item.status not in LIVE | DRAFT:
        ctx.report.outcome(kind, item.id, "skipped", f"status {item.status or 'missing'}")
        return None
    known = ctx.known(kind, item.id)
    model = ArticlePage if kind == Kind.POST else PlainPage
    page = model.objects.filter(pk=known).first() if known else None
    fingerprint = digest(item)
    if page is not None and ctx.known_digest(kind, item.id) == fingerprint:
        ctx.report.outcome(kind, item.id, "unchanged")
    else:
        page = _write(ctx, kind, item, page)
        ctx.remember(kind, item.id, page.pk, digest=fingerprint)
    redirects.redirect_items(ctx, [(item, page)])
    if kind == Kind.POST:
        import_comments(ctx, [(item, page)])
    elif item.comments:
        ctx.report.warn(kind, item.id, [f"{len(item.comments)} comments on a page not imported"])
    return page


def page_parent(ctx: ImportContext, item: parse.Item) -> Page | None:
    """Where a WordPress page goes: under its imported parent page, else the front page; None
    while the parent is in the export but not imported yet."""
    if item.parent in ("", "0"):
        return ctx.home
    known = ctx.known(Kind.PAGE, item.parent)
    if known is not None:
        return PlainPage.objects.get(pk=known)
    listed = ctx.items.get(item.parent)
    if listed is not None and listed.type == "page" and listed.status in LIVE | DRAFT:
        return None
    return ctx.home


@dataclass
class Prepared:
    """A post or page with its fields set from the WordPress item, not yet saved."""

    kind: Kind
    item: parse.Item
    page: Page
    parent: Page
    stream: list[dict]
    notes: list[str]
    created: bool


def prepare(
    ctx: ImportContext,
    kind: Kind,
    item: parse.Item,
    page: Page | None,
    *,
    taken: dict[int, set[str]] | None = None,
) -> Prepared:
    """Set the page's fields (a new page when ``page`` is None) from the item: title, body,
    SEO, byline, tags, dates and, for a new page, its slug (none its parent has, nor one
    ``taken`` holds for the parent's id, where it is added) and whether it is live at birth
    (then with its first revision as the live one: what publishing a draft ends with,
    without saving the page twice more)."""
    body = bodies.convert(item.content)
    stream, notes = body_stream(ctx, item, body)
    notes = [*body.notes, *notes]
    date = wp_datetime(item.date_gmt, item.date, ctx.zone)
    created = page is None
    if kind == Kind.POST:
        section_term = sections.primary_category(ctx, item)
        parent = sections.section_for(ctx, section_term)
        page = page or ArticlePage(live=False)
        notes += _article_fields(ctx, item, page, body, date)
        tags = sections.tag_names(item, section_term)
    else:
        parent = page_parent(ctx, item) or ctx.home
        page = page or PlainPage(live=False)
        tags = []
    page.title = (item.title or f"Untitled {item.id}")[:255]
    page.body = stream
    page.seo_title, page.search_description = _seo(item, notes)
    if item.status == "future":
        page.go_live_at = date
    elif item.status in LIVE and date is not None and page.first_published_at is None:
        page.first_published_at = date
    if tags:
        page.tags.set(tags)  # before saving: the page's save writes its cluster's rows
    if created:
        given = set() if taken is None else taken.setdefault(parent.pk, set())
        page.slug = _unique_slug(parent, item, given)
        given.add(page.slug)
        page.live = item.status in PUBLISHED
        page.last_published_at = page.first_published_at if page.live else None
    return Prepared(kind, item, page, parent, stream, notes, created)


def _write(ctx: ImportContext, kind: Kind, item: parse.Item, page: Page | None) -> Page:
    prepared = prepare(ctx, kind, item, page)
    page = prepared.page
    if prepared.created:
        prepared.parent.add_child(instance=page)
    # A new page was validated by add_child's save a moment ago: not again for its revision.
    revision = page.save_revision(log_action=False, clean=not prepared.created)
    if prepared.created and page.live:
        _mark_live(page, revision)
    elif item.status in LIVE:
        revision.publish(log_action=False)
    finish(ctx, prepared)
    return page


def finish(ctx: ImportContext, prepared: Prepared) -> None:
    """Once the page is saved: its view restriction, top story, report and links to come."""
    kind, item, page = prepared.kind, prepared.item, prepared.page
    ctx.touched.setdefault(type(page), set()).add(page.pk)
    _restrict(item, page)
    if kind == Kind.POST and item.is_sticky and item.status in PUBLISHED:
        _make_top_story(ctx, page)
    ctx.report.outcome(kind, item.id, "created" if prepared.created else "updated")
    ctx.report.warn(kind, item.id, prepared.notes)
    if _has_pending_links(ctx, prepared.stream):
        ctx.pending_links.add((kind, item.id))


def _mark_live(page: Page, revision: Revision) -> None:
    Page.objects.filter(pk=page.pk).update(live_revision=revision, has_unpublished_changes=False)
    page.live_revision, page.has_unpublished_changes = revision, False


def _article_fields(ctx, item, page: ArticlePage, body: bodies.Body, date) -> list[str]:
    notes: list[str] = []
    byline, byline_notes = authors.authors_of(ctx, item)
    notes += byline_notes
    page.article_authors = [ArticleAuthor(author=a, sort_order=i) for i, a in enumerate(byline)]
    page.standfirst = _standfirst(item, body, notes)
    page.published_at = date if item.status in LIVE else None
    thumbnail = item.meta_value("_thumbnail_id")
    page.hero_image_id = ctx.known(Kind.ATTACHMENT, thumbnail) if thumbnail else None
    if thumbnail and page.hero_image_id is None:
        notes.append(f"featured image {thumbnail} was not imported")
    if item.status == "pending":
        notes.append("was pending review in WordPress: imported as a draft")
    return notes


def _standfirst(item: parse.Item, body: bodies.Body, notes: list[str]) -> str:
    text = bodies.text_of(item.excerpt)
    if not text:
        first = next((p for p in body.pieces if isinstance(p, bodies.Paragraph)), None)
        text = bodies.text_of(first.html) if first else item.title
        notes.append("no excerpt: standfirst taken from the first paragraph")
    if len(text) > STANDFIRST_LENGTH:
        text = text[: STANDFIRST_LENGTH - 1].rsplit(" ", 1)[0] + "…"
        notes.append("excerpt shortened to 400 characters for the standfirst")
    return text or "—"


def _seo(item: parse.Item, notes: list[str]) -> tuple[str, str]:
    title = item.meta_value("_yoast_wpseo_title")
    description = item.meta_value("_yoast_wpseo_metadesc")
    if "%%" in title or "%%" in description:
        notes.append("Yoast title or description with %%variables%% left out")
        title = "" if "%%" in title else title
        description = "" if "%%" in description else description
    return title[:255], description


def _unique_slug(parent: Page, item: parse.Item, taken: set[str]) -> str:
    base = slugify(unquote(item.slug), allow_unicode=True) or slugify(item.title) or ""
    base = (base or f"{item.type}-{item.id}")[:200]
    slug, number = base, 2
    while slug in taken or parent.get_children().filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def _restrict(item: parse.Item, page: Page) -> None:
    if item.status != "private" and not item.password:
        return
    if PageViewRestriction.objects.filter(page=page).exists():
        return
    if item.password:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password=item.password
        )
        return
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name__in=PRIVATE_GROUPS))


def _make_top_story(ctx: ImportContext, article: ArticlePage) -> None:
    stories = TopStory.objects.filter(page=ctx.home)
    if not stories.filter(article=article).exists():
        TopStory.objects.create(page=ctx.home, article=article, sort_order=stories.count())


def body_stream(ctx: ImportContext, item: parse.Item, body: bodies.Body) -> tuple[list, list]:
    """The body's StreamField data: pictures matched to photos, links to imported posts."""
    stream: list[dict] = []
    notes: list[str] = []
    for piece in body.pieces:
        if isinstance(piece, bodies.Paragraph):
            stream.append({"type": "paragraph", "value": rewrite_links(ctx, piece.html)})
        elif isinstance(piece, bodies.Heading):
            stream.append({"type": "subheading", "value": piece.text[:255]})
        elif isinstance(piece, bodies.Quote):
            value = {"text": piece.text, "attribution": piece.attribution[:255]}
            stream.append({"type": "quote", "value": value})
        elif (photo := _photo(ctx, piece, notes)) is not None:
            image = {"image": photo.pk, "alt_text": piece.alt or photo.description}
            value = {"image": {**image, "decorative": False}, "caption": piece.caption[:500]}
            stream.append({"type": "image", "value": {**value, "credit": ""}})
    return stream, notes


def _photo(ctx: ImportContext, picture: bodies.Picture, notes: list[str]) -> Photo | None:
    attachment = picture.attachment_id
    found = ctx.known(Kind.ATTACHMENT, attachment) if attachment else None
    if found is None and picture.src:
        by_address = ctx.images.get(image_key(picture.src))
        found = ctx.known(Kind.ATTACHMENT, by_address) if by_address else None
        if found is None and by_address is None and ctx.is_old_site(picture.src):
            found = photos.photo_for_address(
                ctx, picture.src, alt=picture.alt, caption=picture.caption
            )
    if found is None:
        what = picture.src or f"attachment {attachment}"
        where = "another site's image" if picture.src and not ctx.is_old_site(picture.src) else ""
        notes.append(f"image {what} left out: {where or 'it was not imported'}")
        return None
    return Photo.objects.filter(pk=found).only("pk", "description").first()


def rewrite_links(ctx: ImportContext, fragment: str) -> str:
    """Links to imported posts and pages as Wagtail page links, which follow the page."""

    def replace(match: re.Match) -> str:
        wp_id = ctx.item_for_url(html.unescape(match.group(1)))
        listed = ctx.items.get(wp_id)
        if listed is None or listed.type not in {"post", "page"}:
            return match.group()
        page_id = ctx.known(Kind.POST if listed.type == "post" else Kind.PAGE, wp_id)
        return f'<a linktype="page" id="{page_id}">' if page_id else match.group()

    return _HREF.sub(replace, fragment)


def _has_pending_links(ctx: ImportContext, stream: list[dict]) -> bool:
    for block in stream:
        if block["type"] == "paragraph":
            for href in _HREF.findall(block["value"]):
                listed = ctx.items.get(ctx.item_for_url(html.unescape(href)))
                if listed is not None and listed.type in {"post", "page"}:
                    return True
    return False


def resolve_pending_links(ctx: ImportContext, kind: str, wp_id: str) -> None:
    """Once every post is in: link a body to the posts that came after it in the export."""
    page_id = ctx.known(kind, wp_id)
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    page = page.specific
    stream = []
    for block in page.body.raw_data:
        if block["type"] == "paragraph":
            block = {**block, "value": rewrite_links(ctx, block["value"])}
        stream.append(block)
    page.body = stream
    revision = page.save_revision(log_action=False)
    if page.live or page.go_live_at:  # live, or scheduled: keep it so
        revision.publish(log_action=False)
