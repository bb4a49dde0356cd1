from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def current_language() -> str:
    return "en" if (get_language() or "es").startswith("en") else "es"


class BilingualLabel(models.Model):
    """A vocabulary term: one stable slug, a Spanish and an English label."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    label_es = models.CharField(_("Spanish label"), max_length=160)
    label_en = models.CharField(_("English label"), max_length=160)
    description_es = models.CharField(
        _("Spanish description"), max_length=300, blank=True
    )
    description_en = models.CharField(
        _("English description"), max_length=300, blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("slug"),
        FieldPanel("label_es"),
        FieldPanel("label_en"),
        FieldPanel("description_es"),
        FieldPanel("description_en"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("label_es"),
        index.SearchField("label_en"),
        index.AutocompleteField("label_es"),
        index.AutocompleteField("label_en"),
        index.FilterField("slug"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.label()

    def label(self, language: str | None = None) -> str:
        language = language or current_language()
        return self.label_en if language == "en" else self.label_es

    def description(self, language: str | None = None) -> str:
        language = language or current_language()
        return self.description_en if language == "en" else self.description_es


class Theme(index.Indexed, BilingualLabel):
    """A policy theme, in a shallow tree, mapped to the OGP policy areas it covers."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    ogp_policy_areas = models.JSONField(
        _("OGP policy areas"),
        default=list,
        blank=True,
        help_text=_(
            "Column names of the OGP commitments export that map to this theme."
        ),
    )

    panels = BilingualLabel.panels + [
        FieldPanel("parent"),
        FieldPanel("ogp_policy_areas"),
    ]

    class Meta(BilingualLabel.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Outcome(index.Indexed, BilingualLabel):
    """The kind of result a practice obtained."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")


class EvidenceLevel(index.Indexed, BilingualLabel):
    """How well the results are supported: anecdotal up to independently evaluated."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("evidence level")
        verbose_name_plural = _("evidence levels")


class GovernmentLevel(index.Indexed, BilingualLabel):
    """National, state, municipal or multi-level."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("government level")
        verbose_name_plural = _("government levels")


class RegulatedPartyType(index.Indexed, BilingualLabel):
    """The kind of regulated party (sujeto obligado) as Mexico's transparency law lists them."""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("type of regulated party")
        verbose_name_plural = _("types of regulated party")


class PracticeType(index.Indexed, BilingualLabel):
    """Open government, proactive transparency, participation, open data…"""

    class Meta(BilingualLabel.Meta):
        verbose_name = _("practice type")
        verbose_name_plural = _("practice types")


class PracticeStatus(index.Indexed, BilingualLabel):
    """Ongoing, completed or discontinued."""

    class Meta(BilingualLabel.Meta):
        # The practice's field says "situación": its chooser must not say "estado",
        # Wagtail's word for a page's publication state.
        verbose_name = pgettext_lazy("practice status", "status")
        verbose_name_plural = pgettext_lazy("practice status", "statuses")


class Region(BilingualLabel):
    """A world region (UN M49), with names from the Unicode CLDR."""

    m49_code = models.CharField(_("UN M49 code"), max_length=3, unique=True)

    class Meta(BilingualLabel.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Country(models.Model):
    """An ISO 3166-1 country, named in Spanish and English."""

    code = models.CharField(_("ISO 3166-1 alpha-2"), max_length=2, unique=True)
    alpha3 = models.CharField(_("ISO 3166-1 alpha-3"), max_length=3, unique=True)
    name_es = models.CharField(_("Spanish name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )

    panels = [FieldPanel("name_es"), FieldPanel("name_en"), FieldPanel("region")]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_es"]

    def __str__(self):
        return self.name()

    @property
    def slug(self) -> str:
        return self.code

    def name(self, language: str | None = None) -> str:
        language = language or current_language()
        return self.name_en if language == "en" else self.name_es

    label = name


class Subdivision(models.Model):
    """An ISO 3166-2 subdivision (all 32 Mexican states among them)."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=12, unique=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        related_name="subdivisions",
    )
    name = models.CharField(_("name"), max_length=160)
    name_es = models.CharField(_("Spanish name"), max_length=160, blank=True)
    name_en = models.CharField(_("English name"), max_length=160, blank=True)
    kind = models.CharField(_("kind"), max_length=80, blank=True)
    parent_code = models.CharField(
        _("parent subdivision"),
        max_length=12,
        blank=True,
        help_text=_(
            "For second-level subdivisions: the code of the one containing it."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("name_es"), FieldPanel("name_en")]

    class Meta:
        verbose_name = _("subdivision")
        verbose_name_plural = _("subdivisions")
        ordering = ["country__code", "name"]

    def __str__(self):
        return f"{self.label()} ({self.country.code})"

    @property
    def slug(self) -> str:
        return self.code

    def label(self, language: str | None = None) -> str:
        language = language or current_language()
        return (self.name_en if language == "en" else self.name_es) or self.name

    def kind_label(self) -> str:
        """The ISO category ("State") in the current language, where we have a word."""
        return str(SUBDIVISION_KINDS.get(self.kind, self.kind))

    @staticmethod
    def label_ordering(language: str | None = None):
        """Order by the name `label` shows, so a list reads alphabetically."""
        language = language or current_language()
        return Coalesce(NullIf(F(f"name_{language}"), Value("")), F("name"))


# ISO 3166-2 categories of the Americas and Spain, the places practices come from;
# rarer ones are shown as ISO writes them.
SUBDIVISION_KINDS = {
    "State": pgettext_lazy("subdivision kind", "State"),
    "Federal entity": pgettext_lazy("subdivision kind", "Federal entity"),
    "Federal district": pgettext_lazy("subdivision kind", "Federal district"),
    "Capital district": pgettext_lazy("subdivision kind", "Capital district"),
    "Capital": pgettext_lazy("subdivision kind", "Capital"),
    "Province": pgettext_lazy("subdivision kind", "Province"),
    "Department": pgettext_lazy("subdivision kind", "Department"),
    "Region": pgettext_lazy("subdivision kind", "Region"),
    "District": pgettext_lazy("subdivision kind", "District"),
    "Municipality": pgettext_lazy("subdivision kind", "Municipality"),
    "City": pgettext_lazy("subdivision kind", "City"),
    "Territory": pgettext_lazy("subdivision kind", "Territory"),
    "Dependency": pgettext_lazy("subdivision kind", "Dependency"),
    "Federal dependency": pgettext_lazy("subdivision kind", "Federal dependency"),
    "Indigenous region": pgettext_lazy("subdivision kind", "Indigenous region"),
    "Autonomous community": pgettext_lazy("subdivision kind", "Autonomous community"),
    "Autonomous city in north africa": pgettext_lazy(
        "subdivision kind", "Autonomous city"
    ),
}
