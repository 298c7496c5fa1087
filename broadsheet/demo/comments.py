"""Demo comment threads (text in :mod:`broadsheet.demo.comments_content`), safe to build twice."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from broadsheet.articles.models import ArticlePage
from broadsheet.comments.actions import report_comment
from broadsheet.comments.models import Comment, CommentState
from broadsheet.comments.text import fingerprint, hash_guest_key, hash_ip
from broadsheet.demo.comments_content import DEMO_EMAIL_DOMAIN, THREADS, DemoComment


@transaction.atomic
def build_demo_comments() -> int:
    """Add the demo threads to articles that have none yet. Returns how many comments were added."""
    added = 0
    for slug, thread in THREADS.items():
        article = ArticlePage.objects.live().filter(slug=slug).first()
        if article is None or article.first_published_at is None:
            continue
        demo = Comment.objects.filter(article=article, email__endswith=f"@{DEMO_EMAIL_DOMAIN}")
        if demo.exists():
            continue
        added += _add_thread(article, thread)
    return added


def _add_thread(article: ArticlePage, thread: tuple[DemoComment, ...]) -> int:
    made: dict[str, Comment] = {}
    latest = timezone.now() - timedelta(minutes=5)
    for item in thread:
        created = min(article.first_published_at + timedelta(hours=item.hours_after), latest)
        parent = made.get(item.reply_to) if item.reply_to else None
        comment = Comment.objects.create(
            article=article,
            parent=parent,
            thread_id=parent.root_id if parent else None,
            replied_to=parent,
            depth=parent.depth + 1 if parent else 0,
            state=CommentState(item.state),
            name=item.name,
            email=item.email,
            ip_hash=hash_ip(f"demo-{item.name}"),
            text=item.text,
            fingerprint=fingerprint(item.text),
            like_count=item.likes,
            featured=item.featured,
            created_at=created,
            state_changed_at=created,
            notified_at=created,
        )
        for n, (reason, note) in enumerate(item.reports):
            report_comment(
                comment=comment, reason=reason, note=note, guest_key_hash=hash_guest_key(f"r{n}")
            )
        made[item.key] = comment
    return len(made)
