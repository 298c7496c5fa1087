"""A bare Wagtail site: the yardstick for Broadsheet's uncached article page.

Wagtail 8's project template (its apps, middleware and template settings, SQLite, DEBUG off)
with one page type whose only field is a StreamField of raw HTML. ``bench/serve.py`` stores the
article page Broadsheet rendered in one such page and serves it with gunicorn's sync workers,
the same number as Broadsheet's, so both rows of its table render the same HTML.
"""
