from django.apps import AppConfig


class DeskConfig(AppConfig):
    """The editors' desk: what is missing, broken or duplicated in the collection.

    Depends on practices and search (through the search service); nothing depends
    on it.
    """

    name = "desk"
    verbose_name = "Editors' desk"

    def ready(self):
        from .workflow_labels import translate_comment_label

        translate_comment_label()
