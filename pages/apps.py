from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Site pages that are not practices: home, about, privacy notice, contact."""

    name = "pages"
