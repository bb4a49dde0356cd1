from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from kb.translations import TranslationsInContext
from practices.dataset.codebook import codebook
from practices.dataset.dumps import latest_dumps_for_reader, list_dumps
from search.filters import SearchFilters

from .choropleth import Place, choropleth
from .overview import collection_overview


class TextPage(TranslationsInContext, Page):
    """A page of editable text: an introduction and a rich-text body."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = RichTextField(
        _("body"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    class Meta:
        abstract = True


class HomePage(TextPage):
    """The root of each language's site: what the repertory is and where to start."""

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
    """An editable text page: about, privacy notice, contact, or any other."""

    class Role(models.TextChoices):
        ABOUT = "about", _("About the repertory")
        PRIVACY = "privacy", _("Privacy notice")
        CONTACT = "contact", _("Contact")
        OPEN_DATA = "open-data", _("Open data")

    role = models.CharField(
        _("role"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_(
            "Pages with a role are linked from the footer and the contribution form; "
            "one page per role and language."
        ),
    )
    settings_panels = Page.settings_panels + [FieldPanel("role")]
    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.role == self.Role.OPEN_DATA:
            context["codebook"] = codebook()
            context["dumps"] = list_dumps()
            context["latest_dumps"] = latest_dumps_for_reader(self.locale.language_code)
        return context

    def clean(self):
        super().clean()
        if not self.role:
            return
        taken = (
            StandardPage.objects.filter(role=self.role, locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .exists()
        )
        if taken:
            raise ValidationError(
                {"role": _("Another page in this language already has this role.")}
            )
