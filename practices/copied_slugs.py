"""Translations made before they were named after their titles: still at their
original's slug (Wagtail's copy), renamed with their old address kept.

A published one is published again at its new slug, and Wagtail's redirects app
(WAGTAILREDIRECTS_AUTO_CREATE, on by default) sends its old address there with a
301. One with a draft waiting is left alone, since publishing would publish the
draft; it is listed, and follows its title when next saved.
"""

from dataclasses import dataclass

from django.db import transaction

from .models import PracticePage
from .translation_slugs import available_title_slug, name_after_title


@dataclass(frozen=True)
class CopiedSlug:
    page: PracticePage
    new_slug: str
    waits_for_draft: bool


def copied_slugs() -> list[CopiedSlug]:
    """Every translation whose slug is still its original's, with the slug its
    title gives it."""
    pages = (
        PracticePage.objects.exclude(translation_key=None)
        .select_related("locale")
        .order_by("pk")
    )
    originals = {
        (page.translation_key, page.slug)
        for page in pages
        if page.locale.language_code == page.original_language
    }
    found = []
    for page in pages:
        if page.locale.language_code == page.original_language:
            continue
        if (page.translation_key, page.slug) not in originals:
            continue
        if not page.live and page.first_published_at is not None:
            continue  # unpublished since: no address to keep, renamed when edited
        title = page.title if page.live else page.get_latest_revision_as_object().title
        found.append(
            CopiedSlug(
                page=page,
                new_slug=available_title_slug(title, page.get_parent(), page),
                waits_for_draft=page.live and page.has_unpublished_changes,
            )
        )
    return [item for item in found if item.new_slug != item.page.slug]


def rename_copied_slugs(found: list[CopiedSlug]) -> int:
    """Rename what `copied_slugs` found (but those waiting for a draft); how many."""
    renamed = 0
    for item in found:
        if item.waits_for_draft:
            continue
        with transaction.atomic():
            if item.page.live:
                item.page.slug = item.new_slug
                item.page.save_revision(log_action=True).publish()
                renamed += 1
            else:
                draft = item.page.get_latest_revision_as_object()
                renamed += name_after_title(draft)
    return renamed
