"""Every change that alters what search should show queues the affected practices."""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from practices.facets import FACETS
from practices.models import PracticePage
from practices.signals import machine_translations_changed, practices_published

from .labels import clear_label_cache
from .sync import enqueue

# Each vocabulary model with the practice field that holds its terms.
TERM_FIELDS = {facet.vocabulary: facet.field for facet in FACETS if facet.vocabulary}


def _page_changed(sender, instance, **kwargs):
    enqueue([instance.translation_key], "page")


def _practices_below(page):
    return (
        PracticePage.objects.descendant_of(page, inclusive=True)
        .values_list("translation_key", flat=True)
        .distinct()
    )


def _restriction_changed(sender, instance, **kwargs):
    """A view restriction hides the page and everything below it from the public."""
    enqueue(_practices_below(instance.page), "restriction")


def _ancestor_unpublished(sender, instance, **kwargs):
    """Practices under an unpublished page are no longer public."""
    if not isinstance(instance.specific_deferred, PracticePage):
        enqueue(_practices_below(instance), "ancestor")


def _ancestor_going_live(sender, instance, raw=False, **kwargs):
    """Practices under a page published again are public again.

    Only a page going from not live to live counts: re-writing every practice below
    an index page each time an editor publishes a change to it would be wasted work.
    Wagtail's `page_published` does not say whether the page was live before, so this
    looks at the stored row just before the save.
    """
    if raw or instance._state.adding or not instance.live:
        return
    if Page.objects.filter(pk=instance.pk, live=False).exists():
        enqueue(_practices_below(instance), "ancestor")


def _practices_published(sender, translation_keys, **kwargs):
    enqueue(translation_keys, "publish")


def _page_moved(sender, instance, **kwargs):
    """A moved page takes the practices below it along: under a restricted or
    unpublished page they stop being public, and their URLs change either way."""
    enqueue(_practices_below(instance), "move")


def _term_changed(sender, instance, created=False, **kwargs):
    if created:
        return  # no practice uses a new term yet
    field = TERM_FIELDS[sender]
    keys = PracticePage.objects.filter(**{field: instance}).values_list(
        "translation_key", flat=True
    )
    enqueue(keys.distinct(), "taxonomy")


def _translated(sender, translation_keys, **kwargs):
    enqueue(translation_keys, "translation")


def connect() -> None:
    practices_published.connect(
        _practices_published, dispatch_uid="search-publish-batch"
    )
    machine_translations_changed.connect(_translated, dispatch_uid="search-translated")
    page_published.connect(
        _page_changed, sender=PracticePage, dispatch_uid="search-publish"
    )
    page_unpublished.connect(
        _page_changed, sender=PracticePage, dispatch_uid="search-unpublish"
    )
    post_delete.connect(
        _page_changed, sender=PracticePage, dispatch_uid="search-delete"
    )
    post_page_move.connect(_page_moved, dispatch_uid="search-move")
    page_unpublished.connect(_ancestor_unpublished, dispatch_uid="search-ancestor")
    for model in get_page_models():
        if not issubclass(model, PracticePage):
            pre_save.connect(
                _ancestor_going_live,
                sender=model,
                dispatch_uid=f"search-ancestor-live-{model._meta.label}",
            )
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{signal is post_save}",
        )
    for model in TERM_FIELDS:
        post_save.connect(
            _term_changed, sender=model, dispatch_uid=f"search-term-{model.__name__}"
        )
        post_save.connect(
            clear_label_cache, sender=model, dispatch_uid=f"labels-{model.__name__}"
        )
