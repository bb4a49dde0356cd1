from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from kb.translations import TranslationsInContext
from practices.dataset.codebook import codebook
from practices.dataset.dumps import latest_dumps_for_reader, list_dumps
from practices.sections import RICH_TEXT_FEATURES
from practices.site_page import SitePage
from search.filters import SearchFilters

from .choropleth import Place, choropleth
from .overview import collection_overview


class TextPage(SitePage, TranslationsInContext, Page):
    """A page of editable text: an introduction and a rich-text body."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = RichTextField(
        _("body"),
        blank=True,
        features=["h2", *RICH_TEXT_FEATURES],
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    class Meta:
        abstract = True


class HomePage(TextPage):
    """The root of each language's site: what the repertory is and where to start."""

    # Only at the root: without it, "Home page" was offered under a home page.
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        overview = collection_overview(self.locale.language_code)
        context["overview"] = overview
        if overview is not None:
            context["undated"] = overview.total - sum(
                bar.count for bar in overview.years
            )
            search_url = reverse("search")
            context["world_map"] = choropleth(
                "world",
                [Place(v.value, v.label, v.count) for v in overview.all_countries],
                _("Map of the world: practices per country"),
                "world-map-title",
                link=lambda code: SearchFilters(selected={"country": (code,)}).url_with(
                    search_url
                ),
            )
            # The Spanish site serves Mexican officials: it opens with their states.
            context["mexico_first"] = self.locale.language_code == "es"
            context["mexico_total"] = next(
                (v.count for v in overview.all_countries if v.value == "MX"), 0
            )
            context["mexico_url"] = SearchFilters(
                selected={"country": ("MX",)}, lang=self.locale.language_code
            ).url_with(search_url)
            context["mexico_map"] = choropleth(
                "mexico",
                [Place(v.value, v.label, v.count) for v in overview.mexican_states],
                _("Map of Mexico: practices per state"),
                "mexico-map-title",
                link=lambda code: SearchFilters(
                    selected={"country": ("MX",), "subdivision": (code,)}
                ).url_with(search_url),
            )
        return context


class StandardPage(TextPage):
    """An editable text page: about, privacy notice, contact, or any other; the ones
    the footer links are chosen in the `SitePages` setting."""

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if SitePages.objects.filter(
            open_data__translation_key=self.translation_key
        ).exists():
            context["codebook"] = codebook()
            context["dumps"] = list_dumps()
            context["latest_dumps"] = latest_dumps_for_reader(self.locale.language_code)
        return context


def _role_page(label):
    return models.ForeignKey(
        StandardPage,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="link")
class SitePages(BaseGenericSetting):
    """The pages with a role: the footer links them, and the contribution form its
    privacy notice. One choice for the site; readers get the page's translation in
    their language (pages/site_pages.py)."""

    # In the footer's order.
    ROLES = ("about", "open_data", "privacy", "contact")

    about = _role_page(_("About the repertory"))
    open_data = _role_page(_("Open data"))
    privacy = _role_page(_("Privacy notice"))
    contact = _role_page(_("Contact"))

    panels = [FieldPanel(role) for role in ROLES]

    class Meta:
        verbose_name = _("site pages")
