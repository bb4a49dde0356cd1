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
