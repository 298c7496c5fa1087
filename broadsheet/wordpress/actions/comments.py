"""WordPress comments → comments, entered directly (not through the posting pipeline's rate and
timing checks) with their threading, author, email, hashed IP, date and state."""

import html
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

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


def import_comments(ctx: ImportContext, item: parse.Item, article: ArticlePage) -> None:
    """The item's comments not imported before, parents before their replies."""
    ids = [c.id for c in item.comments]
    done = dict(
        ImportedObject.objects.filter(
            source=ctx.source, kind=Kind.COMMENT, wp_id__in=ids
        ).values_list("wp_id", "object_id")
    )
    pending = []
    for comment in item.comments:
        if comment.id in done:
            ctx.report.outcome("comment", comment.id, "unchanged")
        elif comment.type in LINKBACKS:
            ctx.report.outcome("comment", comment.id, "skipped", f"{comment.type} (not a comment)")
        elif not comment.content.strip():
            ctx.report.outcome("comment", comment.id, "skipped", "empty")
        else:
            pending.append(comment)
    if not pending:
        return
    max_depth = policy_for(article).max_depth
    by_pk = Comment.objects.in_bulk(list(done.values()))
    made = {wp_id: by_pk[pk] for wp_id, pk in done.items() if pk in by_pk}
    while pending:
        ready = [c for c in pending if c.parent in ("", "0") or c.parent in made]
        if not ready:  # the rest answer comments the export does not have
            for c in pending:
                ctx.report.warn(
                    "comment", c.id, [f"reply to missing comment {c.parent}: top level"]
                )
            ready = pending
        rows = [_row(ctx, article, c, made.get(c.parent), max_depth) for c in ready]
        Comment.objects.bulk_create(rows)
        ImportedObject.objects.bulk_create(
            ImportedObject(source=ctx.source, kind=Kind.COMMENT, wp_id=c.id, object_id=row.pk)
            for c, row in zip(ready, rows, strict=True)
        )
        for c, row in zip(ready, rows, strict=True):
            made[c.id] = row
            ctx.report.outcome("comment", c.id, "created")
        pending = [c for c in pending if c.id not in made]


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
