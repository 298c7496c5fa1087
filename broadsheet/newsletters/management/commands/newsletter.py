"""``broadsheet newsletter list|send SLUG``."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count, Q

from broadsheet.newsletters import sending
from broadsheet.newsletters.models import Newsletter


class Command(BaseCommand):
    help = "List newsletters with their subscriber counts, or send one's next edition now."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser("list", help="Each newsletter and its subscribers.")
        send = commands.add_parser(
            "send", help="Finish an edition left sending, else build the next digest and send it."
        )
        send.add_argument("slug")

    def handle(self, *args, command: str, **options) -> None:
        if command == "list":
            self._list()
        else:
            self._send(options["slug"])

    def _list(self) -> None:
        reachable = Q(
            subscriptions__subscriber__confirmed_at__isnull=False,
            subscriptions__subscriber__paused=False,
            subscriptions__subscriber__suppressed_at__isnull=True,
        )
        rows = Newsletter.objects.annotate(
            total=Count("subscriptions"), reachable=Count("subscriptions", filter=reachable)
        ).order_by("position", "name")
        self.stdout.write("slug\tname\tcadence\tsubscribers\treachable")
        for n in rows:
            self.stdout.write(f"{n.slug}\t{n.name}\t{n.cadence}\t{n.total}\t{n.reachable}")

    def _send(self, slug: str) -> None:
        newsletter = Newsletter.objects.filter(slug=slug).first()
        if newsletter is None:
            raise CommandError(f"No newsletter with the slug {slug!r}")
        edition, counts = sending.send_now(newsletter)
        if edition is None:
            self.stdout.write(
                f"{newsletter.name}: nothing new since the last edition; nothing sent."
            )
            return
        summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        self.stdout.write(f"Edition {edition.pk} “{edition.subject}”: {summary or 'no recipients'}")
