"""The site's languages, and a page's live translations (fetched once per request
for the template and the language switcher)."""

from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:  # importable before Django is set up (the demo's case checker)
    from wagtail.models import Page


def site_languages() -> tuple[str, ...]:
    """The codes of the languages the site is written in (`settings.LANGUAGES`), its
    default first: "es", "en"."""
    return tuple(code for code, _name in settings.LANGUAGES)


def live_translations(page: "Page") -> list["Page"]:
    """The page's other live language versions. The page's own row comes in the
    same query, to read its locale (the alternate links name the page itself)."""
    others = []
    for version in (
        page.get_translations(inclusive=True).live().select_related("locale")
    ):
        if version.pk == page.pk:
            page.locale = version.locale
        else:
            others.append(version)
    return others


class TranslationsInContext:
    """Mixin for page models: `translations` in the context, one query."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translations"] = live_translations(self)
        return context
