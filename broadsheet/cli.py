"""The ``broadsheet`` command: Django's ``manage.py`` for this project.

Every Django and Wagtail management command works (``broadsheet migrate``, ``broadsheet
createsuperuser``...), plus Broadsheet's own: ``broadsheet demo [ADDR:PORT]`` and ``broadsheet
worker``. Settings default to ``broadsheet.settings.dev``; operators set DJANGO_SETTINGS_MODULE
to ``broadsheet.settings.production``.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["broadsheet", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
