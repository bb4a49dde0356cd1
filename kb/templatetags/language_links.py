"""The address of the current page or search in the other site language."""

from django import template
from django.urls import translate_url
from wagtail.models import Locale, Page

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_language_url(context, language_code: str) -> str:
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        locale = Locale.objects.filter(language_code=language_code).first()
        translation = page.get_translation_or_none(locale) if locale else None
        if translation is not None and translation.live:
            return translation.get_url(request)
        # Untranslated: the other language's home page, which lists it too.
        home = page.get_site().root_page if page.get_site() else None
        home_translation = (
            home.get_translation_or_none(locale) if home and locale else None
        )
        return home_translation.get_url(request) if home_translation else "/"
    return translate_url(request.get_full_path(), language_code)
