"""The address of the current page or search in the other site language."""

from django import template
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_language_url(context, language_code: str) -> str:
    """The translation of the current page, else that language's home page.

    Pages put their live translations in the context (one query, which their own
    template also uses); nothing here touches the database.
    """
    request = context["request"]
    page = context.get("page")
    if isinstance(page, Page):
        for other in context.get("translations") or ():
            if other.locale.language_code == language_code:
                return other.get_url(request)
        with translation.override(language_code):
            return reverse("wagtail_serve", args=("",))
    return translate_url(request.get_full_path(), language_code)
