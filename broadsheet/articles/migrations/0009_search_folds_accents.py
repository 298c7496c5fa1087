"""A text search configuration that folds accents, for the search backend on PostgreSQL.

SQLite's FTS5 tokeniser removes diacritics, so there "cafe" finds "Café"; PostgreSQL's
``english`` configuration keeps them, so it did not. ``broadsheet_search`` is ``english`` with
the ``unaccent`` dictionary in front of the stemmer for words that carry letters outside
ASCII: "Café", "São", "Müller" are indexed and asked for as "cafe", "sao", "muller", and the
stemmer still lowercases and stems as before. The backend names it in ``SEARCH_CONFIG``
(settings/base.py), for the index it writes and for the queries alike.

Entries indexed before this migration hold their accents: run ``broadsheet update_index`` once
after it (docs/operations.md, "Upgrade") or accented words in them stop matching. A new
database has an empty index, so nothing is to be done there. SQLite needs nothing.
"""

from django.db import migrations


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute(
        "DO $$ BEGIN "
        "IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'broadsheet_search') THEN "
        "CREATE TEXT SEARCH CONFIGURATION broadsheet_search (COPY = pg_catalog.english); "
        "END IF; END $$"
    )
    schema_editor.execute(
        "ALTER TEXT SEARCH CONFIGURATION broadsheet_search "
        "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem"
    )


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS broadsheet_search")


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_story_articlepage_story_note_articlepage_story")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
