from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PracticesConfig(AppConfig):
    """Practice pages: the cases of open government the repertory is made of."""

    name = "practices"

    def ready(self):
        from .editorial import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self)

        from . import signal_handlers

        signal_handlers.connect()
