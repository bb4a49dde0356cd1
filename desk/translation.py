"""Starting a practice's translation from the desk: a prefilled draft page."""

from django.db import transaction
from wagtail.models import Locale

from practices.models import PracticePage


class TranslationNotPossible(Exception):
    pass


def missing_locales(page: PracticePage) -> list[Locale]:
    present = set(
        PracticePage.objects.filter(translation_key=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )
    return list(Locale.objects.exclude(pk__in=present).order_by("language_code"))


@transaction.atomic
def create_translation(page: PracticePage, locale: Locale) -> PracticePage:
    """A draft copy of the page in `locale`, prefilled with the original's content,
    for the editor to translate (and a moderator to publish)."""
    if locale not in missing_locales(page):
        raise TranslationNotPossible(locale.language_code)
    # Wagtail's own action: a draft with its first revision, logged; the
    # copy_for_translation_done signal lets machine translation fill it in.
    copy = page.copy_for_translation(locale, copy_parents=False)
    return PracticePage.objects.get(pk=copy.pk)  # as the signal's receivers left it


def translation_source(page: PracticePage) -> PracticePage | None:
    """The page a translator works from: the practice's original-language page, or
    when `page` is the original, None. Its live version when it has one."""
    if page.locale.language_code == page.original_language:
        return None
    others = (
        PracticePage.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("pk")
    )
    source = next(
        (p for p in others if p.locale.language_code == p.original_language),
        None,
    ) or next(iter(others), None)
    if source is None:
        return None
    return source if source.live else source.get_latest_revision_as_object()
