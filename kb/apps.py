from django.apps import AppConfig


class KbConfig(AppConfig):
    """The project package: settings, URLs, health endpoints and site-wide commands."""

    name = "kb"
    verbose_name = "Repertorio"
