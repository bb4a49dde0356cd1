"""The counters' and the queries' cache tables (kb/caches.py), for sites migrated
before they existed: `createcachetable` adds the missing ones and nothing else."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("kb", "0001_cache_table")]

    operations = [
        migrations.RunPython(create_cache_tables, migrations.RunPython.noop),
    ]
