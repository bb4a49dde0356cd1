"""`{% related_practices page as related %}`: the practices most alike, from search.

The page template asks search for them, so the practice model never imports
search/ (taxonomy ← practices ← search ← templates and views).
"""

from django import template

from search.service import related_practices as find_related

register = template.Library()


@register.simple_tag
def related_practices(page, size: int = 4, besides=()):
    """Up to `size` practices like `page`, in its language (the reader's, when the
    page is shown through its machine translation), none of the hits in `besides`
    (those the page already lists under another heading); [] when search is down."""
    machine = getattr(page, "machine_translation", None) or {}
    language = machine.get("language") or page.locale.language_code
    near = {
        "country": page.country.code if page.country_id else None,
        "subdivision": page.subdivision.code if page.subdivision_id else None,
        "level": page.government_level.slug if page.government_level_id else None,
    }
    shown = {hit.id for hit in besides}
    found = find_related(
        str(page.translation_key), language, size + len(shown), near=near
    )
    return [hit for hit in found if hit.id not in shown][:size]
