"""``broadsheet comments_erase EMAIL``: remove the text and identity of a commenter's comments,
and what every other app registered with ``core.privacy`` keeps about the address."""

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from broadsheet.comments.models import Comment
from broadsheet.core import privacy


class Command(BaseCommand):
    help = "Erase the text, name, email and hashes of every comment by an email address."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, email: str, yes: bool, **options) -> None:
        count = Comment.objects.by_commenter(email=email).count()
        if count and not yes and sys.stdin.isatty():
            answer = input(f"Erase {count} comments by {email}? This cannot be undone. [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing erased.")
        erased = privacy.erase_all(email=email)
        self.stdout.write(f"Erased {erased.pop('comments', 0)} comments by {email}.")
        for name, count in erased.items():
            self.stdout.write(f"{name}: erased {count} records of {email}.")
