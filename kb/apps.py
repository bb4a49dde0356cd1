from django.apps import AppConfig


class KbConfig(AppConfig):
    """The project package: settings, URLs, health endpoints and site-wide commands."""

    name = "kb"
    verbose_name = "Repertorio"

    def ready(self):
        from .admin_inputs import keep_typed_input

        keep_typed_input()
