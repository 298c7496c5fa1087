"""The serving benchmark's dataset in bulk: 100,000 articles and a million comments in minutes.

The front page, the five sections and the 20 authors are made through the normal API (they are
few). Articles are then written straight into their two tables, a batch at a time, with the
values Wagtail and treebeard would have computed on ``add_child`` (path, depth, url_path,
translation key, …) and those ``ArticlePage.save()`` derives (reading time, word count, text
digest); the sections' ``numchild`` is set afterwards. Bylines and comments go in with
``bulk_create`` (comments with ``COPY`` on PostgreSQL), and the articles reach the search index
through the backend's own bulk add.

The bulk writes send no signals: no cache purges (nothing is cached yet on a fresh stack), no
reference index entries, no revisions (live pages added with ``add_child`` have none either).
Run it on an empty, migrated database, inside Django::

    from bench.dataset import build
    build(articles=1000, comments=10_000, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

import hashlib
import sys
import time
import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wagtail.models import Page

SECTIONS = ["City", "Harbour", "Politics", "Sport", "Culture"]
AUTHORS = 20
MEASURED_COMMENTS = 50  # the measured article's comments: one full page of threads
WORDS = (
    "The council met on Thursday evening to discuss the new timetable for the Brennock ferry, "
    "which crosses the River Sallow twelve times a day between the quay and the islands."
)
STANDFIRST = "What changes for passengers on the Sallow crossing."
PARAGRAPHS = 8

ARTICLE_BATCH = 1000
INDEX_BATCH = 2000
COMMENT_BATCH = 20_000


def progress(label: str, done: int, total: int, started: float) -> None:
    """One line on stderr, redrawn in place: a bar, the count and the rate so far."""
    width = 30
    filled = int(width * done / max(total, 1))
    rate = done / max(time.monotonic() - started, 1e-9)
    sys.stderr.write(
        f"\r{label:<9} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,}"
        f"  {rate:,.0f}/s "
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def comment_article(number: int, articles: int) -> int:
    """Which article (by number, 0 = the measured one) gets comment ``number``.

    The first 50 go to the measured article and no others do, so its page shows exactly 50;
    the rest go round the other articles (all to the one article if there is no other).
    """
    if number < MEASURED_COMMENTS or articles == 1:
        return 0
    return 1 + (number - MEASURED_COMMENTS) % (articles - 1)


def build(articles: int, comments: int, host: str, port: int) -> dict:
    """Build the dataset; return what the benchmark measures (URLs and the article's id)."""
    if articles < 1:
        raise ValueError("the dataset needs at least one article (the measured one)")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from wagtail.models import Site

    from broadsheet.articles.models import ArticlePage, SectionPage
    from tests import factories

    home = factories.make_home()
    Site.objects.filter(is_default_site=True).update(hostname=host, port=port)
    sections = [home.add_child(instance=SectionPage(title=t, slug=t.lower())) for t in SECTIONS]
    authors = [factories.make_author(f"Writer {n}", f"writer-{n}") for n in range(AUTHORS)]

    ids = _insert_articles(sections, authors, articles)
    _index_articles(ids)
    _insert_comments(ids, comments)
    _settle()

    target = ArticlePage.objects.get(pk=ids[0])
    deep = max(1, min(10, articles // len(SECTIONS) // 20))
    return {"article": target.url, "article_id": target.pk, "section": "/city/", "deep": deep}


# Articles ----------------------------------------------------------------------------------------


def _insert_articles(sections: list, authors: list, count: int) -> list[int]:
    """Insert ``count`` live articles round-robin into ``sections``; return their ids in order.

    Article 0 is the newest, each next one a minute older. Each section's new children follow
    its existing ones, numbered as treebeard numbers them (parent path + a 4-character base-36
    step), so ``find_problems()`` stays clean and listings in tree order match creation order.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    from broadsheet.articles.models import ArticleAuthor, ArticlePage
    from broadsheet.core.models import SiteSettings

    content_type = ContentType.objects.get_for_model(ArticlePage)
    body = _body()
    derived = _derived_fields(body, SiteSettings.for_site(sections[0].get_site()))
    next_step = {section.pk: _first_free_step(section) for section in sections}
    added = dict.fromkeys(next_step, 0)
    # The two tables of the multi-table model, written the way Model.save() writes each one
    # (QuerySet._insert with that table's own fields), but many rows per statement. The page
    # ids come back from the first insert (RETURNING on PostgreSQL and SQLite >= 3.35).
    page_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    article_fields = ArticlePage._meta.local_concrete_fields
    batch_size = min(
        ARTICLE_BATCH, connection.ops.bulk_batch_size(page_fields, [None] * ARTICLE_BATCH)
    )
    now, started, ids = timezone.now(), time.monotonic(), []
    progress("articles", 0, count, started)
    for start in range(0, count, batch_size):
        batch = []
        for number in range(start, min(start + batch_size, count)):
            section = sections[number % len(sections)]
            step = next_step[section.pk]
            next_step[section.pk] += 1
            added[section.pk] += 1
            title = f"Ferry report number {number}"
            published = now - timedelta(minutes=number)
            page = ArticlePage(
                title=title,
                draft_title=title,
                slug=f"ferry-report-{number}",
                path=Page._get_path(section.path, section.depth + 1, step),
                depth=section.depth + 1,
                numchild=0,
                content_type=content_type,
                locale_id=section.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                has_unpublished_changes=False,
                first_published_at=published,
                last_published_at=published,
                published_at=published,
                standfirst=STANDFIRST,
                body=body,
                published_digest=_text_digest(title, derived["digest_tail"]),
                reading_minutes=derived["reading_minutes"],
                word_count=derived["word_count"],
            )
            page.set_url_path(section)
            batch.append(page)
        with transaction.atomic():
            returned = Page._base_manager._insert(
                batch, fields=page_fields, returning_fields=[Page._meta.pk]
            )
            for page, (pk,) in zip(batch, returned, strict=True):
                page.id = page.page_ptr_id = pk
            ArticlePage._base_manager._insert(batch, fields=article_fields)
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(article_id=page.pk, author=authors[(start + i) % len(authors)])
                for i, page in enumerate(batch)
            )
        ids.extend(page.pk for page in batch)
        progress("articles", len(ids), count, started)
    for section in sections:
        Page.objects.filter(pk=section.pk).update(numchild=F("numchild") + added[section.pk])
    return ids


def _first_free_step(section: Page) -> int:
    """The step number treebeard's add_child would give this section's next child."""
    last = section.get_last_child()
    return 1 if last is None else section._str2int(last.path[-section.steplen :]) + 1


def _body() -> list:
    """The articles' body as stored (StreamField JSON), prepared once and shared by all."""
    from broadsheet.articles.models import ArticlePage
    from tests import factories

    field = ArticlePage._meta.get_field("body")
    return field.get_prep_value(field.to_python(factories.paragraphs(*([WORDS] * PARAGRAPHS))))


def _derived_fields(body: list, site_settings) -> dict:
    """What ArticlePage.save() derives from the text, computed once on a sample article.

    Every article has the same body and standfirst and a four-word headline, so reading time
    and word count are the same for all; only the digest's headline words differ.
    """
    from broadsheet.articles.blocks import readable_content
    from broadsheet.articles.models import ArticlePage
    from broadsheet.core.reading_time import html_to_text

    sample = ArticlePage(title="Ferry report number 0", standfirst=STANDFIRST, body=body)
    content = readable_content(sample.body, extra_texts=[STANDFIRST])
    return {
        "reading_minutes": sample.compute_reading_minutes(
            words_per_minute=site_settings.words_per_minute
        ),
        "word_count": sample.compute_word_count(),
        # ArticlePage.text_digest() hashes the words of the headline, standfirst, body and
        # corrections; calling it per article costs ~1 ms (HTML parsing), so the words after
        # the headline are read once. tests/bench checks the result equals text_digest().
        "digest_tail": " ".join(html_to_text(t) for t in content.texts).split(),
    }


def _text_digest(title: str, tail: list[str]) -> str:
    from broadsheet.core.reading_time import html_to_text

    words = [*html_to_text(title).split(), *tail]
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


# Search index ------------------------------------------------------------------------------------


def _index_articles(ids: list[int]) -> None:
    """Add the articles to every auto-updated search backend, a batch per statement.

    The objects come from ``get_indexed_objects()`` (bylines and tags prefetched), as when
    ``update_index`` rebuilds the index, and go to the backend's ``add_bulk``.
    """
    from django.db import transaction
    from wagtail.search.backends import get_search_backends

    from broadsheet.articles.models import ArticlePage

    backends = list(get_search_backends(with_auto_update=True))
    started = time.monotonic()
    progress("index", 0, len(ids), started)
    for start in range(0, len(ids), INDEX_BATCH):
        chunk = ids[start : start + INDEX_BATCH]
        # get_indexed_objects() prefetches the bylines but not their authors (one query each).
        indexed = ArticlePage.get_indexed_objects().prefetch_related("article_authors__author")
        objects = list(indexed.filter(pk__in=chunk))
        with transaction.atomic():
            for backend in backends:
                backend.add_bulk(ArticlePage, objects)
        progress("index", start + len(chunk), len(ids), started)


# Comments ----------------------------------------------------------------------------------------


def _insert_comments(ids: list[int], count: int) -> None:
    """``count`` approved top-level comments (see :func:`comment_article` for where they go)."""
    from django.db import connection
    from django.utils import timezone

    if not count:
        return
    now = timezone.now()
    if connection.vendor == "postgresql":
        _copy_comments(ids, count, now)
    else:
        _bulk_create_comments(ids, count, now)


def _comment_values(number: int, article_id: int) -> dict:
    reader = number % 997
    return {
        "article_id": article_id,
        "name": f"Reader {reader}",
        "email": f"reader{reader}@readers.example",
        "text": f"Comment {number}: the earlier crossing suits the early shift well.",
    }


def _bulk_create_comments(ids: list[int], count: int, now: datetime) -> None:
    from django.db import transaction

    from broadsheet.comments.models import Comment, CommentState

    started = time.monotonic()
    for start in range(0, count, COMMENT_BATCH):
        batch = [
            Comment(
                **_comment_values(number, ids[comment_article(number, len(ids))]),
                state=CommentState.APPROVED,
                created_at=now,
                state_changed_at=now,
            )
            for number in range(start, min(start + COMMENT_BATCH, count))
        ]
        with transaction.atomic():
            Comment.objects.bulk_create(batch)
        progress("comments", start + len(batch), count, started)


def _copy_comments(ids: list[int], count: int, now: datetime) -> None:
    """PostgreSQL's COPY: ten times bulk_create's rate here (40,000 rows/s against 4,000).

    Every column is written, the fixed ones with what an unsaved Comment would save, so a field
    added to the model later is filled here without a change.
    """
    from django.db import connection, transaction

    from broadsheet.comments.models import Comment, CommentState

    template = Comment(state=CommentState.APPROVED, created_at=now, state_changed_at=now)
    by_attname = {f.attname: f for f in Comment._meta.concrete_fields if not f.primary_key}
    varying = list(_comment_values(0, 0))
    fixed = [f for name, f in by_attname.items() if name not in varying]
    fixed_values = tuple(
        f.get_db_prep_save(getattr(template, f.attname), connection) for f in fixed
    )
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in [*fixed, *(by_attname[n] for n in varying)])
    sql = f"COPY {quote(Comment._meta.db_table)} ({columns}) FROM STDIN"
    started = time.monotonic()
    for start in range(0, count, COMMENT_BATCH):
        stop = min(start + COMMENT_BATCH, count)
        with transaction.atomic(), connection.cursor() as cursor:
            # Django's cursor wraps psycopg's, which has copy().
            with cursor.cursor.copy(sql) as copy:
                for number in range(start, stop):
                    values = _comment_values(number, ids[comment_article(number, len(ids))])
                    copy.write_row((*fixed_values, *values.values()))
        progress("comments", stop, count, started)


# Afterwards --------------------------------------------------------------------------------------


def _settle() -> None:
    """Leave PostgreSQL nothing to do for the rows just written before anything is measured.

    Planner statistics (``ANALYZE``): a planner that believes the tables empty picks other
    plans. Hint bits and the visibility map (``VACUUM``) and the dirty pages (``CHECKPOINT``):
    after a million comments, autovacuum and the checkpointer otherwise work through the first
    measurements (the bare page, which never touches PostgreSQL, ran at half its rate). Inside
    a transaction (the tests), where neither of those may run, only ``ANALYZE``.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            if connection.in_atomic_block:
                cursor.execute("ANALYZE")
            else:
                cursor.execute("VACUUM ANALYZE")
                cursor.execute("CHECKPOINT")
