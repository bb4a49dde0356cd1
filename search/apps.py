from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Public search on OpenSearch: the only code that talks to the search engine."""

    name = "search"

    def ready(self):
        from django.core.signals import request_finished, request_started

        from .signal_handlers import connect
        from .vectors import request_began, request_ended

        connect()
        # A request never loads the sentence encoder (search/vectors.py).
        request_started.connect(request_began, dispatch_uid="search-request-began")
        request_finished.connect(request_ended, dispatch_uid="search-request-ended")
