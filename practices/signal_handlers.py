"""A published practice may need a machine translation: queue it for the worker."""

from wagtail.signals import page_published

from .models import PracticePage
from .translation import enqueue_translation


def _page_published(sender, instance, **kwargs):
    enqueue_translation([instance.translation_key])


def connect() -> None:
    page_published.connect(
        _page_published, sender=PracticePage, dispatch_uid="practices-translate"
    )
