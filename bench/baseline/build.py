"""``python -m bench.baseline.build PAGE.html``: migrate, then serve that HTML as the home page."""

import os
import sys


def main(html_path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.baseline.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from bench.baseline.models import PlainPage

    call_command("migrate", verbosity=0)
    with open(html_path, encoding="utf-8") as f:
        html = f.read()
    root = Page.get_first_root_node()
    page = root.add_child(
        instance=PlainPage(title="Article", slug="article", body=[("html", html)])
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "127.0.0.1", "port": 80, "root_page": page, "site_name": "baseline"},
    )
    Page.objects.filter(depth=2).exclude(pk=page.pk).delete()


if __name__ == "__main__":
    main(sys.argv[1])
