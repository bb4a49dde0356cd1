"""Searchable choosers for places in the admin: countries, and states or provinces
filtered by the chosen country.

Wagtail's default chooser for a foreign key lists every row page by page (5,046
subdivisions on 505 pages). These choosers search as the editor types, in either
language and without minding accents ("mexico" finds México), and the subdivision
chooser lists only the country chosen in the same form (`linked_fields`).
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from kb.folded_search import folded_matches
from kb.text import fold

from .localities import aliased_subdivisions
from .models import Country, Subdivision


class PlaceSearchForm(BaseFilterForm):
    """A search box matching names in both languages and codes, accents ignored."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Type a name or a code")}),
        required=False,
    )
    # The model's fields compared with the words typed.
    name_fields: tuple[str, ...] = ()

    def filter(self, objects):
        objects = super().filter(objects)
        query = fold(self.cleaned_data.get("q") or "")
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        return folded_matches(objects, query, self.name_fields)


class CountrySearchForm(PlaceSearchForm):
    name_fields = ("code", "alpha3", "name_es", "name_en")


class SubdivisionSearchForm(PlaceSearchForm):
    """Also by the names people use for a state ("CDMX", "Edomex",
    `SUBDIVISION_ALIASES`)."""

    name_fields = ("code", "name", "name_es", "name_en")

    def filter(self, objects):
        found = super().filter(objects)
        if not getattr(self, "is_searching", False):
            return found
        aliased = aliased_subdivisions(self.search_query)
        return found | objects.filter(code__in=aliased) if aliased else found


class _PlaceChooseMixin:
    """Columns that say which place a row is, and its code."""

    @property
    def columns(self):
        return [self.title_column, Column("code", label=_("Code"), accessor="code")]


class CountryChooseView(_PlaceChooseMixin, chooser_views.ChooseView):
    filter_form_class = CountrySearchForm


class CountryChooseResultsView(_PlaceChooseMixin, chooser_views.ChooseResultsView):
    filter_form_class = CountrySearchForm


class _InCountryMixin:
    """Only the subdivisions of the country chosen in the form (`?country=<pk>`)."""

    filter_form_class = SubdivisionSearchForm

    def get_object_list(self):
        objects = Subdivision.objects.select_related("country")
        country = self.request.GET.get("country", "")
        if country.isdigit():
            objects = objects.filter(country_id=int(country))
        return objects.order_by("country__code", Subdivision.label_ordering())

    @property
    def columns(self):
        return [
            self.title_column,
            Column("code", label=_("Code"), accessor="code"),
            Column("kind", label=_("Kind"), accessor="kind_label"),
        ]


class SubdivisionChooseView(_InCountryMixin, chooser_views.ChooseView):
    pass


class SubdivisionChooseResultsView(_InCountryMixin, chooser_views.ChooseResultsView):
    pass


class CountryChooserViewSet(ChooserViewSet):
    model = Country
    icon = "site"
    choose_one_text = _("Choose a country")
    choose_another_text = _("Choose another country")
    page_title = _("Choose a country")
    choose_view_class = CountryChooseView
    choose_results_view_class = CountryChooseResultsView
    per_page = 20


class SubdivisionChooserViewSet(ChooserViewSet):
    model = Subdivision
    icon = "site"
    choose_one_text = _("Choose a state or province")
    choose_another_text = _("Choose another state or province")
    page_title = _("Choose a state or province")
    choose_view_class = SubdivisionChooseView
    choose_results_view_class = SubdivisionChooseResultsView
    preserve_url_parameters = ["multiple", "country"]
    per_page = 20


country_chooser_viewset = CountryChooserViewSet("country_chooser")
subdivision_chooser_viewset = SubdivisionChooserViewSet("subdivision_chooser")


def subdivision_chooser(country_field: str = "country"):
    """The subdivision chooser widget listing only the country chosen in the form's
    `country_field`."""
    return subdivision_chooser_viewset.widget_class(
        linked_fields={"country": f"#id_{country_field}"}
    )
