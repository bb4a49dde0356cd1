from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    """Practices proposed by the public: a form, moderation, and the submitters' privacy."""

    name = "contributions"

    def ready(self):
        from .signal_handlers import connect

        connect()
