"""Admin listing of practices: filters editors use every day."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from taxonomy.models import Country, EvidenceLevel, Outcome, PracticeStatus, Theme

from .models import PracticePage
from .models.practice_page import Language


class PracticeFilterSet(WagtailFilterSet):
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.all(), label=_("Country")
    )
    themes = django_filters.ModelChoiceFilter(
        queryset=Theme.objects.all(), label=_("Theme")
    )
    status = django_filters.ModelChoiceFilter(
        queryset=PracticeStatus.objects.all(), label=_("Status")
    )
    original_language = django_filters.ChoiceFilter(
        choices=Language.choices, label=_("Original language")
    )
    outcomes = django_filters.ModelChoiceFilter(
        queryset=Outcome.objects.all(), label=_("Outcome")
    )
    evidence_level = django_filters.ModelChoiceFilter(
        queryset=EvidenceLevel.objects.all(),
        label=_("Evidence level"),
        null_label=_("Not stated"),
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
            "country",
            "themes",
            "outcomes",
            "status",
            "live",
            "evidence_level",
            "original_language",
            "locale",
            "translation",
            "review",
        ]

    def filter_translation(self, queryset, name, value):
        return queryset.without_translation() if value == "missing" else queryset

    def filter_review(self, queryset, name, value):
        return queryset.review_due() if value == "due" else queryset


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
