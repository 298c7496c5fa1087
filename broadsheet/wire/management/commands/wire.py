"""``broadsheet wire add|poll|list|items``: the wire desk from the command line."""

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.articles.models import SectionPage
from broadsheet.wire import selectors
from broadsheet.wire.models import Format, Source, SourceHealth
from broadsheet.wire.polling import poll_source


class Command(BaseCommand):
    help = "Add wire sources, poll them, and list their health and items."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        add = commands.add_parser("add", help="Add a source.")
        add.add_argument("url")
        add.add_argument("--format", choices=list(Format.values), default=Format.AUTO)
        add.add_argument("--section", help="The default section's slug.")
        add.add_argument("--name", help="The source's name (and outlet); the URL by default.")
        poll = commands.add_parser("poll", help="Poll every source now, or one.")
        poll.add_argument("--source", type=int)
        listing = commands.add_parser("list", help="Print each source's health.")
        listing.add_argument("--json", action="store_true")
        items = commands.add_parser("items", help="Print stored items.")
        items.add_argument("--source", type=int)
        items.add_argument("--json", action="store_true")

    def handle(self, *args, command: str, **options) -> None:
        getattr(self, f"do_{command}")(**options)

    def do_add(self, *, url: str, format: str, section: str | None, name: str | None, **_):
        found = None
        if section:
            found = SectionPage.objects.filter(slug=section).first()
            if found is None:
                raise CommandError(f"No section with the slug {section!r}")
        name = name or url
        source = Source.objects.create(
            name=name[:120], url=url, format=format, outlet=name[:200], section=found
        )
        SourceHealth.objects.create(source=source)
        self.stdout.write(f"Added wire source {source.pk}: {source.name}")

    def do_poll(self, *, source: int | None, **_):
        sources = Source.objects.filter(enabled=True)
        if source is not None:
            sources = Source.objects.filter(pk=source)
            if not sources:
                raise CommandError(f"No wire source {source}")
        for each in sources:
            report = poll_source(source=each)
            if report.error:
                self.stdout.write(f"{each.pk} {each.name}: error: {report.error}")
            else:
                self.stdout.write(
                    f"{each.pk} {each.name}: "
                    + (
                        f"{report.seen} seen, {report.new_items} new, "
                        f"{report.new_versions} new versions, {report.killed} killed"
                        if report.changed
                        else "unchanged"
                    )
                )

    def do_list(self, *, json: bool, **_):
        self._print(selectors.health_rows(), json)

    def do_items(self, *, source: int | None, json: bool, **_):
        self._print(selectors.item_rows(source_id=source), json)

    def _print(self, rows: list[dict], as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2, default=str))
            return
        for row in rows:
            self.stdout.write("\t".join("" if v is None else str(v) for v in row.values()))
