"""Wagtail's PostgreSQL search backend with a settable autocomplete configuration
(its own is fixed to `simple`, which keeps accents); see kb/admin_search.py."""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend


class FoldingPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params):
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple")
