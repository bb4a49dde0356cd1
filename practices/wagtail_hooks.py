"""Practices in the admin: the listing's filters, terms in use kept from deletion,
and a copied practice made a new one."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.active_filters import (
    ActiveFilter,
    ModelChoiceFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Locale

from .facets import FACETS
from .models import PracticePage
from .models.practice_page import Language
from .services import copied_as_new_practice
from .term_usage import refuse_to_delete_terms_in_use


class TermFilter(django_filters.ModelChoiceFilter):
    """A facet's filter; `?field=null` (single-valued facets): not stated."""


class TermFilterAdapter(ModelChoiceFilterAdapter):
    """The active filter's chip names "Not stated", not the raw `null`."""

    def get_active_filters(self):
        null_label = self.filter.extra.get("null_label")
        if null_label and self.value == getattr(self.filter, "null_value", "null"):
            yield ActiveFilter(
                self.bound_field.auto_id,
                self.filter.label,
                str(null_label),
                self.get_url_without_filter_param(self.name),
            )
        else:
            yield from super().get_active_filters()


register_filter_adapter_class(TermFilter, adapter_class=TermFilterAdapter)

# The facets the registry marks as admin filters, by the page field they filter.
FACET_FILTERS = {
    facet.field: TermFilter(
        field_name=facet.field,
        queryset=facet.vocabulary.objects.all(),
        label=facet.label,
        # `?field=null`: practices that do not state it.
        null_label=None if facet.multiple else _("Not stated"),
    )
    for facet in FACETS
    if facet.admin_filter
}


def _languages():
    """The site's locales by language code: `?locale=es`, the value the dashboard's
    links and Wagtail's own locale switcher use (a locale's id answered 404)."""
    return [
        (locale.language_code, locale.get_display_name())
        for locale in Locale.objects.order_by("language_code")
    ]


class _PracticeFilters(WagtailFilterSet):
    locale = django_filters.ChoiceFilter(
        field_name="locale__language_code", choices=_languages, label=_("Language")
    )
    # Choices with labels: the chip read "Live: True".
    live = django_filters.ChoiceFilter(
        choices=[("true", _("Published")), ("false", _("Draft"))],
        label=_("Publication"),
        method="filter_live",
    )
    original_language = django_filters.ChoiceFilter(
        choices=Language.choices, label=_("Original language")
    )
    translation = django_filters.ChoiceFilter(
        choices=[("missing", _("Missing"))],
        label=_("Translation"),
        method="filter_translation",
    )
    review = django_filters.ChoiceFilter(
        choices=[("due", _("Not reviewed for a year"))],
        label=_("Review"),
        method="filter_review",
    )

    class Meta:
        model = PracticePage
        fields = [
            *FACET_FILTERS,
            "live",
            "original_language",
            "translation",
            "review",
        ]

    def filter_live(self, queryset, name, value):
        return queryset.filter(live=value == "true") if value else queryset

    def filter_translation(self, queryset, name, value):
        return queryset.without_translation() if value == "missing" else queryset

    def filter_review(self, queryset, name, value):
        return queryset.review_due() if value == "due" else queryset


# Declared filters are class attributes; the facet ones are added by name.
PracticeFilterSet = type(_PracticeFilters)(
    "PracticeFilterSet",
    (_PracticeFilters,),
    {**FACET_FILTERS, "__module__": __name__},
)


class PracticeListingViewSet(PageListingViewSet):
    model = PracticePage
    icon = "doc-full-inverse"
    menu_label = _("Practices")
    menu_order = 150
    add_to_admin_menu = True
    filterset_class = PracticeFilterSet


@hooks.register("register_admin_viewset")
def register_practice_listing():
    return PracticeListingViewSet("practices")


hooks.register("before_delete_snippet", refuse_to_delete_terms_in_use)


@hooks.register("after_copy_page")
def copied_practice_is_a_new_one(request, page, new_page):
    copy = new_page.specific
    if isinstance(copy, PracticePage):
        copied_as_new_practice(copy, request.user)
