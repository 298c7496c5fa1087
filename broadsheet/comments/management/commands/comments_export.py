"""``broadsheet comments_export EMAIL``: everything kept about a person by email address, as
JSON on stdout: their comments, and what every app registered with ``core.privacy`` keeps
(newsletter subscriptions, for one)."""

import json

from django.core.management.base import BaseCommand, CommandParser

from broadsheet.core import privacy


class Command(BaseCommand):
    help = "Print, as JSON, every comment and ban stored for an email address (access request)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args, email: str, **options) -> None:
        data: dict = {}
        for exported in privacy.export_all(email=email).values():
            data.update(exported)  # each keeper's keys are its own ("comments", "newsletter_…")
        self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
