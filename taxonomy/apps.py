from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    """Controlled, bilingual vocabularies that practices are classified by."""

    name = "taxonomy"
