"""A translation's address in its own language.

Wagtail's copy for translation keeps the original's slug, so English practices
lived at Spanish words. While a translation has never been published its slug
follows its title (slugified, unique among its siblings) unless an editor chose
another; once published its address stays, as every page's does.
"""

import re

from django.utils.text import slugify

SLUG_LENGTH = 80


def title_slug(title: str) -> str:
    return slugify(title or "", allow_unicode=False)[:SLUG_LENGTH].strip("-") or (
        "practice"
    )


def available_title_slug(title: str, parent, page=None) -> str:
    """The title's slug, numbered (-2, -3...) past the siblings that hold it."""
    base = title_slug(title)
    siblings = parent.get_children().filter(slug__startswith=base)
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    taken = set(siblings.values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def is_unpublished_translation(page) -> bool:
    """Never published, in a language other than the practice's original, and
    with its original (or another translation) beside it."""
    return (
        page.pk is not None
        and not page.live
        and page.first_published_at is None
        and page.locale.language_code != page.original_language
        and page.get_translations().exists()
    )


def follows_title(slug: str, titles, copied_slug: str | None) -> bool:
    """Whether `slug` is one the page was given rather than one an editor chose:
    the original's (Wagtail's copy), or made from one of `titles` (the admin's own
    title-to-slug sync keeps accents, hence the comparison without them)."""
    if copied_slug and slug == copied_slug:
        return True
    folded = slugify(slug, allow_unicode=False)
    return any(
        re.fullmatch(rf"{re.escape(title_slug(title))}(-\d+)?", folded)
        for title in titles
        if title
    )


def slug_for_translation(page, *, title: str, slug: str, previous_title, parent):
    """The slug an unpublished translation takes for `title`, or None when `slug`
    stays (a published page, an original, a slug the editor chose)."""
    if not is_unpublished_translation(page):
        return None
    if not follows_title(slug, (previous_title, title), _copied_slug(page)):
        return None
    return available_title_slug(title, parent, page)


def name_after_title(page) -> bool:
    """An unpublished translation (just copied, perhaps prefilled, or a draft's
    latest revision) takes its title's slug; whether it changed.

    Moved without Wagtail's slug-change signal: a draft nobody can have linked to
    needs no redirect from the slug it was copied with.
    """
    if not is_unpublished_translation(page):
        return False
    parent = page.get_parent()
    slug = available_title_slug(page.title, parent, page)
    if slug == page.slug:
        return False
    page.slug = slug
    page.set_url_path(parent)
    type(page).objects.filter(pk=page.pk).update(slug=slug, url_path=page.url_path)
    page.save_revision()
    return True


def _copied_slug(page) -> str | None:
    return (
        page.get_translations()
        .filter(locale__language_code=page.original_language)
        .values_list("slug", flat=True)
        .first()
    )
