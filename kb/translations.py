"""Live translations of a page, fetched once per request for the template and switcher."""

from wagtail.models import Page


def live_translations(page: Page) -> list[Page]:
    return list(page.get_translations().live().select_related("locale"))


class TranslationsInContext:
    """Mixin for page models: `translations` in the context, one query."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translations"] = live_translations(self)
        return context
