from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Public search on OpenSearch: the only code that talks to the search engine."""

    name = "search"

    def ready(self):
        from .signal_handlers import connect

        connect()
