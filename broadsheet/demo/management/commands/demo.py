"""``broadsheet demo [ADDR:PORT]``: migrate, load the demo newsroom, and serve it."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from broadsheet.core import scheduling
from broadsheet.demo.builder import build_demo

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Set up the demo site (database, content, admin account) and serve it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="Set everything up, then exit without serving."
        )

    def handle(self, *args, addrport: str, no_serve: bool, **options) -> None:
        Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
        db_name = settings.DATABASES["default"]["NAME"]
        if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
            Path(db_name).parent.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        report = build_demo()
        self.stdout.write(
            f"Demo content: {report.created_articles} articles created, "
            f"{report.existing_articles} already there, "
            f"{report.live_entries} live blog entries posted, "
            f"{report.newsletters} newsletters created."
        )
        password = self.ensure_admin()
        host = addrport if ":" in addrport else f"127.0.0.1:{addrport}"
        self.stdout.write(
            self.style.SUCCESS(f"Site:  http://{host}/\nAdmin: http://{host}/admin/")
            + f"\n       user {ADMIN_USERNAME!r}, password {password}"
        )
        if no_serve:
            return
        scheduling.start_in_background()
        call_command("runserver", addrport, use_reloader=False, skip_checks=True)

    def ensure_admin(self) -> str:
        """Create the demo's admin once; its password is kept in a file beside the database."""
        password_file = Path(settings.VAR_DIR) / "demo-admin-password.txt"
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            if password_file.exists():
                return password_file.read_text().strip()
            return "(unchanged since you set it)"
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(ADMIN_USERNAME, "admin@example.org", password)
        password_file.parent.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password + "\n")
        password_file.chmod(0o600)
        return password
