from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from .signal_handlers import connect

        connect()
