"""The ``broadsheet`` command: Django's ``manage.py`` for this project.

Every Django and Wagtail management command works (``broadsheet migrate``, ``broadsheet
createsuperuser``...), plus Broadsheet's own: ``broadsheet demo [ADDR:PORT]`` and ``broadsheet
worker``. Settings default to ``broadsheet.settings.dev``; operators set DJANGO_SETTINGS_MODULE
to ``broadsheet.settings.production``.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    # `serve` is how servers run the site: production settings unless told otherwise.
    default = (
        "broadsheet.settings.production" if args[:1] == ["serve"] else "broadsheet.settings.dev"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["broadsheet", *args])


if __name__ == "__main__":
    main()
