"""WordPress comments → comments, entered directly (not through the posting pipeline's rate and
timing checks) with their threading, author, email, hashed IP, date and state."""

import html
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from wagtail.models import Page

from broadsheet.articles.models import ArticlePage
from broadsheet.comments.models import Comment, CommentState, policy_for
from broadsheet.comments.text import fingerprint, hash_ip
from broadsheet.wordpress import parse
from broadsheet.wordpress.bodies import text_of
from broadsheet.wordpress.context import ImportContext
from broadsheet.wordpress.dates import wp_datetime
from broadsheet.wordpress.models import ImportedObject, Kind

STATES = {
    "1": CommentState.APPROVED,
    "0": CommentState.PENDING,
    "spam": CommentState.SPAM,
    "trash": CommentState.REMOVED,
}
LINKBACKS = frozenset({"pingback", "trackback"})
_LINK = re.compile(r'<a\s[^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL | re.IGNORECASE)


def comment_text(content: str) -> str:
    """Plain text, as Broadsheet stores comments: a link's address follows its words."""

    def spell_out(match: re.Match) -> str:
        url, words = html.unescape(match.group(1)), text_of(match.group(2))
        return url if not words or words == url else f"{words} ({url})"

    text = _LINK.sub(spell_out, content)
    text = re.sub(r"<br\s*/?>|</p>\s*<p[^>]*>", "\n", text, flags=re.IGNORECASE)
    paragraphs = [text_of(part) for part in re.split(r"\n\s*\n", text)]
    lines = "\n\n".join(p for p in paragraphs if p)
    return lines


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value[:254]


def import_comments(
    ctx: ImportContext, posts: list[tuple[parse.Item, ArticlePage]], *, new_articles: bool = False
) -> None:
    """The posts' comments not imported before, parents before their replies: one insert per
    level of replies for all the posts together. ``new_articles``: the articles were created
    just now, so none has a comment policy of its own and its section's applies."""
    ids = [c.id for item, _ in posts for c in item.comments]
    done = dict(
        ImportedObject.objects.filter(
            source=ctx.source, kind=Kind.COMMENT, wp_id__in=ids
        ).values_list("wp_id", "object_id")
    )
    pending: list[tuple[parse.Comment, ArticlePage]] = []
    for item, article in posts:
        for comment in item.comments:
            if comment.id in done:
                ctx.report.outcome("comment", comment.id, "unchanged")
            elif comment.type in LINKBACKS:
                reason = f"{comment.type} (not a comment)"
                ctx.report.outcome("comment", comment.id, "skipped", reason)
            elif not comment.content.strip():
                ctx.report.outcome("comment", comment.id, "skipped", "empty")
            else:
                pending.append((comment, article))
    if not pending:
        return
    max_depth = _max_depths([a for _, a in pending], by_section=new_articles)
    by_pk = Comment.objects.in_bulk(list(done.values()))
    made = {wp_id: by_pk[pk] for wp_id, pk in done.items() if pk in by_pk}
    while pending:
        ready = [(c, a) for c, a in pending if c.parent in ("", "0") or c.parent in made]
        if not ready:  # the rest answer comments the export does not have
            for c, _ in pending:
                ctx.report.warn(
                    "comment", c.id, [f"reply to missing comment {c.parent}: top level"]
                )
            ready = pending
        rows = [_row(ctx, a, c, made.get(c.parent), max_depth[a.pk]) for c, a in ready]
        Comment.objects.bulk_create(rows)
        ImportedObject.objects.bulk_create(
            ImportedObject(source=ctx.source, kind=Kind.COMMENT, wp_id=c.id, object_id=row.pk)
            for (c, _), row in zip(ready, rows, strict=True)
        )
        for (c, _), row in zip(ready, rows, strict=True):
            made[c.id] = row
            ctx.report.outcome("comment", c.id, "created")
        pending = [(c, a) for c, a in pending if c.id not in made]


def _max_depths(articles: list[ArticlePage], *, by_section: bool) -> dict[int, int]:
    """How deep replies may go on each article (``policy_for``), asked once per section when
    the articles can have no policy of their own."""
    found: dict[str, int] = {}
    depths = {}
    for article in articles:
        key = article.path[: -Page.steplen] if by_section else article.path
        if key not in found:
            found[key] = policy_for(article).max_depth
        depths[article.pk] = found[key]
    return depths


def _row(
    ctx: ImportContext,
    article: ArticlePage,
    item: parse.Comment,
    parent: Comment | None,
    max_depth: int,
) -> Comment:
    created = wp_datetime(item.date_gmt, item.date, ctx.zone) or article.first_published_at
    answered = parent
    # Deeper than the site allows: beside the deepest allowed, as the posting pipeline does.
    while parent is not None and parent.depth + 1 >= max_depth and parent.parent is not None:
        parent = parent.parent
    text = comment_text(item.content)
    return Comment(
        article=article,
        parent=parent,
        thread_id=parent.root_id if parent else None,
        replied_to=answered,
        depth=parent.depth + 1 if parent else 0,
        state=STATES.get(item.approved, CommentState.PENDING),
        name=(item.author or "Anonymous")[:80],
        email=_email(item.email),
        ip_hash=hash_ip(item.ip),
        text=text,
        fingerprint=fingerprint(text),
        created_at=created,
        state_changed_at=created,
        notified_at=created,  # no reply notifications for the archive
    )
