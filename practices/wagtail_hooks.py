"""Admin listing of practices: filters editors use every day."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from taxonomy.models import Country, PracticeStatus, Theme

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

    class Meta:
        model = PracticePage
        fields = ["country", "themes", "status", "original_language", "locale"]


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
