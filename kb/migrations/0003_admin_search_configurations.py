"""PostgreSQL text search configurations that ignore accents, for the admin's
search (kb/admin_search.py); nothing on other databases.

Pages indexed before this migration keep their old entries until
`manage.py update_index` (docs/operations.md)."""

from django.db import migrations

# (name, copied from, the dictionary after unaccent)
CONFIGURATIONS = [
    ("repertorio_folded", "simple", "simple"),
    ("repertorio_spanish_folded", "spanish", "spanish_stem"),
]


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, copied, dictionary in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {copied})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _copied, _dictionary in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("kb", "0002_counter_and_query_cache_tables")]

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
