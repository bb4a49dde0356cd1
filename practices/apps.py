from django.apps import AppConfig


class PracticesConfig(AppConfig):
    """Practice pages: the cases of open government the repertory is made of."""

    name = "practices"
