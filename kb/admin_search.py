"""The admin's search backend: Wagtail's database backend, told on PostgreSQL to
ignore accents ("participacion" finds "Participación", as it does on SQLite).

Wagtail's backend (django-modelsearch) matches with a text search configuration on
PostgreSQL: `SEARCH_CONFIG` for full-text search (the server's default, `english`,
when unset) and a fixed `simple` for autocomplete, which the admin's page search
and listings use; neither strips accents. Migration kb/0003 creates two that do
(with the `unaccent` dictionary): `repertorio_folded` (`simple` without accents)
and `repertorio_spanish_folded` (Spanish stems, without accents); the settings
name them, and autocomplete's configuration is made settable.

On SQLite the backend indexes into an FTS5 table whose default tokenizer already
folds accents; it has no stemmer for Spanish (FTS5 has only Porter's, for English),
so word forms ("presupuestos" for "presupuesto") are not matched there: a limit of
Wagtail's SQLite backend, which the admin's prefix matching only partly hides.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks a backend up by
    if connection.vendor == "postgresql":
        # Imported here: the PostgreSQL module needs psycopg, which SQLite sites lack.
        from .admin_search_postgres import FoldingPostgresSearchBackend

        return FoldingPostgresSearchBackend(params)
    return database.SearchBackend(params)
