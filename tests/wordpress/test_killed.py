"""An import killed with SIGKILL half-way, then run again, ends as an uninterrupted one does.

The import runs as ``broadsheet import_wxr`` in a process of its own, on a SQLite file that two
copies start from: one copy is imported without interruption; on the other the process is
killed once it has imported some posts (read from the database, not timed), then run again.
"""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.wxr_import import write_export

REPO = Path(__file__).resolve().parents[2]
BROADSHEET = str(Path(sys.executable).with_name("broadsheet"))
TABLES = [
    "articles_articlepage",
    "wordpress_plainpage",
    "articles_sectionpage",
    "articles_author",
    "comments_comment",
    "wagtailredirects_redirect",
    "wagtailcore_revision",
    "wordpress_importedobject",
    "wagtailcore_page",
    "taggit_taggeditem",
]
HOME = "from broadsheet.demo.builder import ensure_home_page; ensure_home_page()"


def environment(database: Path, media: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "broadsheet.settings.test",
        "BROADSHEET_DATABASE_URL": f"sqlite:///{database}",
        "BROADSHEET_MEDIA_ROOT": str(media),
    }


def broadsheet(database: Path, media: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [BROADSHEET, *args],
        cwd=REPO,
        env=environment(database, media),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as connection:
        return {t: connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608


def imported_posts(database: Path) -> int:
    with sqlite3.connect(database, timeout=30) as connection:
        query = "SELECT COUNT(*) FROM wordpress_importedobject WHERE kind = 'post'"
        return connection.execute(query).fetchone()[0]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("killed")
    database, media = folder / "start.sqlite3", folder / "media"
    assert broadsheet(database, media, "migrate", "--no-input").wait() == 0
    assert broadsheet(database, media, "shell", "-c", HOME).wait() == 0
    export = folder / "export.xml"
    write_export(export, posts=120, comments=5, kilobytes=2)
    return database, export


def test_a_killed_import_run_again_ends_with_the_counts_of_an_uninterrupted_one(migrated, tmp_path):
    start, export = migrated
    whole, killed = tmp_path / "whole.sqlite3", tmp_path / "killed.sqlite3"
    shutil.copy(start, whole)
    shutil.copy(start, killed)
    media = tmp_path / "media"
    assert broadsheet(whole, media, "import_wxr", str(export)).wait() == 0

    run = broadsheet(killed, media, "import_wxr", str(export))
    while imported_posts(killed) < 30 and run.poll() is None:
        time.sleep(0.05)
    assert run.poll() is None, "the import ended before it could be killed"
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert 30 <= imported_posts(killed) < 120

    assert broadsheet(killed, media, "import_wxr", str(export)).wait() == 0
    assert counts(killed) == counts(whole)
    assert counts(whole)["articles_articlepage"] == 120
    assert counts(whole)["comments_comment"] == 600
