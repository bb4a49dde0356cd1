"""Practices and their machine translations: queue on publish, prefill a new
translation page from the machine translation; a published classification goes to
the practice's other languages."""

from django.db import transaction
from wagtail.signals import copy_for_translation_done, page_published

from .models import PracticePage
from .services import share_classification
from .signals import practices_published
from .tasks import start_translation
from .translation import enqueue_translation, prefill_from_machine_translation
from .translation_slugs import name_after_title


def _page_published(sender, instance, revision=None, **kwargs):
    enqueue_translation([instance.translation_key])
    transaction.on_commit(start_translation)
    share_classification(
        instance, revision, user=getattr(revision, "user", None) if revision else None
    )


def _batch_published(sender, translation_keys, **kwargs):
    enqueue_translation(translation_keys)
    transaction.on_commit(start_translation)


def _copied_for_translation(sender, source_obj, target_obj, **kwargs):
    """Wagtail's "Translate" action copied a practice into the other locale: start
    the copy from the machine translation instead of the original's text, at an
    address made of its own title."""
    source, target = source_obj.specific, target_obj.specific
    if isinstance(source, PracticePage) and isinstance(target, PracticePage):
        prefill_from_machine_translation(source, target)
        name_after_title(target)


def connect() -> None:
    page_published.connect(
        _page_published, sender=PracticePage, dispatch_uid="practices-translate"
    )
    practices_published.connect(
        _batch_published, dispatch_uid="practices-translate-batch"
    )
    copy_for_translation_done.connect(
        _copied_for_translation, dispatch_uid="practices-prefill-translation"
    )
