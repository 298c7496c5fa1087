"""``broadsheet comments_export EMAIL``: everything kept about a commenter, as JSON on stdout."""

import json

from django.core.management.base import BaseCommand, CommandParser

from broadsheet.comments.actions import export_commenter


class Command(BaseCommand):
    help = "Print, as JSON, every comment and ban stored for an email address (access request)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args, email: str, **options) -> None:
        self.stdout.write(json.dumps(export_commenter(email=email), indent=2, ensure_ascii=False))
