"""An index for the search backend's "any field" match on PostgreSQL.

Wagtail's database backend matches ``title || body`` of its index entries, an expression the
separate GIN indexes on ``title`` and ``body`` cannot serve: every search read the whole table
(about 130 ms at 100,000 articles even when one article matches). A GIN index on the same
expression lets PostgreSQL look the words up. SQLite searches through FTS5 and needs nothing.
"""

from django.db import migrations

INDEX = "broadsheet_search_title_body_gin"


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_home_top_stories"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
