"""``broadsheet import_wxr FILE.xml [FILE2.xml …] [--media DIR] [--dry-run]
[--section-for CATEGORY=SLUG …] [--report FILE]``: import a WordPress export."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.wordpress.context import Options
from broadsheet.wordpress.importer import import_wxr


def section_mapping(values: list[str]) -> dict[str, str]:
    mapping = {}
    for value in values:
        category, sep, section = value.partition("=")
        if not sep or not category.strip() or not section.strip():
            raise CommandError(f"--section-for takes CATEGORY=SECTION-SLUG, not {value!r}")
        mapping[category.strip()] = section.strip()
    return mapping


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, media, authors, comments, old URLs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", help="WXR files of one site, in order")
        parser.add_argument("--media", default="", help="a copy of wp-content/uploads/")
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")
        parser.add_argument(
            "--section-for",
            action="append",
            default=[],
            metavar="CATEGORY=SLUG",
            help="put a category's posts in this section (repeatable)",
        )
        parser.add_argument("--report", default="", help="also write the JSON report here")

    def handle(self, *args, files, media, dry_run, section_for, report, **options) -> None:
        opts = Options(
            media_dir=media,
            dry_run=dry_run,
            section_for=section_mapping(section_for),
            defer_indexing=True,
        )
        progress = self._progress if sys.stderr.isatty() else None
        result = import_wxr(files, options=opts, progress=progress)
        if progress:
            self.stderr.write("")
        text = result.to_json()
        if report:
            with open(report, "w", encoding="utf-8") as out:
                out.write(text + "\n")
        self.stdout.write(text)
        if result.errors:
            raise CommandError("; ".join(result.errors))

    def _progress(self, stage: str, done: int, total: int) -> None:
        if done % 25 and done != total:
            return
        of = f"/{total}" if total else ""
        self.stderr.write(f"\r{stage}: {done}{of}", ending="")
