"""Editors manage the vocabularies from one "Taxonomy" menu in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from kb.folded_search import FoldedSearch

from .choosers import country_chooser_viewset, subdivision_chooser_viewset
from .models import (
    Country,
    EvidenceLevel,
    GovernmentLevel,
    Outcome,
    PracticeStatus,
    PracticeType,
    Region,
    RegulatedPartyType,
    Subdivision,
    Theme,
)


class FoldedSearchIndexView(FoldedSearch, IndexView):
    """The listing's search box ignores accents and capitals in `search_fields`."""


def _term_viewset(term_model, icon="tag", extra_filters=()):
    class TermViewSet(SnippetViewSet):
        model = term_model
        index_view_class = FoldedSearchIndexView
        menu_icon = icon
        list_display = ["slug", "label_es", "label_en", "sort_order"]
        search_fields = ["slug", "label_es", "label_en"]
        list_filter = list(extra_filters)
        ordering = ["sort_order", "slug"]

    TermViewSet.__name__ = f"{term_model.__name__}ViewSet"
    return TermViewSet


class CountryViewSet(SnippetViewSet):
    model = Country
    index_view_class = FoldedSearchIndexView
    menu_icon = "site"
    list_display = ["code", "name_es", "name_en", "region"]
    list_filter = ["region"]
    search_fields = ["code", "name_es", "name_en"]


class SubdivisionViewSet(SnippetViewSet):
    model = Subdivision
    index_view_class = FoldedSearchIndexView
    menu_icon = "site"
    list_display = ["code", "name", "country"]
    search_fields = ["code", "name", "name_es", "name_en"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "list-ul"
    menu_order = 300
    items = (
        _term_viewset(Theme, "folder-open-inverse"),
        _term_viewset(PracticeType),
        _term_viewset(Outcome),
        _term_viewset(EvidenceLevel),
        _term_viewset(GovernmentLevel),
        _term_viewset(RegulatedPartyType),
        _term_viewset(PracticeStatus),
        _term_viewset(Region, "site"),
        CountryViewSet,
        SubdivisionViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_viewset")
def register_place_choosers():
    """Searchable choosers for the country and the state or province fields (the
    country's is used for every Country foreign key in the admin's forms)."""
    return [country_chooser_viewset, subdivision_chooser_viewset]
