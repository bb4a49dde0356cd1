from django.apps import AppConfig


class KbConfig(AppConfig):
    """The project package: settings, URLs, health endpoints and site-wide commands."""

    name = "kb"
    verbose_name = "Repertorio"

    def ready(self):
        from .admin_dates import keep_typed_dates

        keep_typed_dates()
