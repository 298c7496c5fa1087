"""The WordPress import at size: posts/s, comments/s and peak memory.

    .venv/bin/python bench/wxr_import.py                         # 1,000 posts, 10 comments each
    .venv/bin/python bench/wxr_import.py --posts 20000 --comments 10 --body-kb 40

Writes an export of invented posts (classic and block-editor bodies, a few tags, threaded
comments) to a temporary file, migrates a SQLite database of its own under a temporary folder,
runs ``import_wxr`` on it in this process and prints the rates, by the clock and by the
process's own CPU time (which other work on the machine does not slow), and the process's peak
resident memory (``ru_maxrss``, which includes Django, Wagtail and the migrations).
"""

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORDS = (
    "harbour ferry council tide quay crew pier lantern net boat dock gull rope mast keel "
    "bridge market weather storm calm morning evening river channel pilot lock buoy"
).split()
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench Gazette</title><link>http://bench.example</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://bench.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>desk</wp:author_login>
<wp:author_email>desk@bench.example</wp:author_email>
<wp:author_display_name>News Desk</wp:author_display_name></wp:author>
"""


def sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def body(rng: random.Random, n: int, kilobytes: int) -> str:
    paragraphs = []
    while sum(len(p) for p in paragraphs) < kilobytes * 1024:
        paragraphs.append(" ".join(sentence(rng) for _ in range(5)))
    if n % 2:
        return "\n\n".join(paragraphs)
    return "\n\n".join(
        f"<!-- wp:paragraph -->\n<p>{p}</p>\n<!-- /wp:paragraph -->" for p in paragraphs
    )


def comment(rng: random.Random, post: int, k: int, per_post: int) -> str:
    cid = post * per_post + k
    parent = cid - 1 if k and k % 3 else 0
    return (
        f"<wp:comment><wp:comment_id>{cid}</wp:comment_id>"
        f"<wp:comment_author>Reader {k}</wp:comment_author>"
        f"<wp:comment_author_email>r{k}@bench.example</wp:comment_author_email>"
        f"<wp:comment_author_IP>192.0.2.{k % 250}</wp:comment_author_IP>"
        f"<wp:comment_date>2025-05-01 10:{k % 60:02d}:00</wp:comment_date>"
        f"<wp:comment_date_gmt>2025-05-01 09:{k % 60:02d}:00</wp:comment_date_gmt>"
        f"<wp:comment_content><![CDATA[{sentence(rng)}]]></wp:comment_content>"
        f"<wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def write_export(path: Path, posts: int, comments: int, kilobytes: int) -> None:
    rng = random.Random(13)  # noqa: S311 - invented text
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        for n in range(1, posts + 1):
            title = escape(sentence(rng, 6))
            day = 1 + n % 28
            out.write(
                f"<item><title>{title}</title>"
                f"<link>http://bench.example/2025/05/{day:02d}/post-{n}/</link>"
                f"<dc:creator>desk</dc:creator><guid>http://bench.example/?p={n}</guid>"
                f"<content:encoded><![CDATA[{body(rng, n, kilobytes)}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[{sentence(rng)}]]></excerpt:encoded>"
                f"<wp:post_id>{n}</wp:post_id><wp:post_date>2025-05-{day:02d} 10:00:00"
                f"</wp:post_date><wp:post_date_gmt>2025-05-{day:02d} 09:00:00</wp:post_date_gmt>"
                f"<wp:post_name>post-{n}</wp:post_name><wp:status>publish</wp:status>"
                f"<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
                f'<category domain="category" nicename="s{n % 5}">Section {n % 5}</category>'
                f'<category domain="post_tag" nicename="t{n % 40}">Topic {n % 40}</category>'
                + "".join(comment(rng, n, k, comments) for k in range(comments))
                + "</item>\n"
            )
        out.write("</channel></rss>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--comments", type=int, default=10, help="per post")
    parser.add_argument("--body-kb", type=int, default=4)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="broadsheet-wxr-bench-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="broadsheet.settings.dev",
        BROADSHEET_DEBUG="0",
        BROADSHEET_VAR_DIR=str(folder),
        BROADSHEET_DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        BROADSHEET_MEDIA_ROOT=str(folder / "media"),
    )
    export = folder / "export.xml"
    started = time.perf_counter()
    write_export(export, args.posts, args.comments, args.body_kb)
    size = export.stat().st_size / 1e6
    print(
        f"export: {args.posts} posts, {args.posts * args.comments} comments, {size:.0f} MB,"
        f" written in {time.perf_counter() - started:.0f} s"
    )

    import django

    django.setup()
    from django.core.management import call_command

    from broadsheet.demo.builder import ensure_home_page
    from broadsheet.wordpress.context import Options
    from broadsheet.wordpress.importer import import_wxr

    call_command("migrate", interactive=False, verbosity=0)
    ensure_home_page()
    started, cpu_started = time.perf_counter(), time.process_time()
    report = import_wxr([export], options=Options(defer_indexing=True))
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    posts = report.count("post", "created")
    comments = report.count("comment", "created")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"imported {posts} posts and {comments} comments in {seconds:.1f} s ({cpu:.1f} s CPU)")
    print(
        f"posts/s: {posts / seconds:.1f}   comments/s: {comments / seconds:.0f}"
        f"   (the whole run, comments inside it)"
    )
    print(f"by CPU time: posts/s: {posts / cpu:.1f}   comments/s: {comments / cpu:.0f}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"peak RSS: {peak:.0f} MB   errors: {report.errors or 'none'}")


if __name__ == "__main__":
    main()
