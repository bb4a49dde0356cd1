import datetime
import json

from django import forms
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, Revision
from wagtail.query import PageQuerySet
from wagtail.search import index

from kb.absolute_urls import page_url
from kb.translations import live_translations
from practices.citation import cite
from practices.evidence import has_documented_results
from practices.facets import SINGLE_TERM_RELATIONS, PracticeFact, practice_facts
from practices.page_form import PracticePageForm
from practices.sections import RICH_TEXT_FEATURES, RICH_TEXT_SECTIONS
from practices.site_page import SitePage
from practices.web_addresses import validate_source_url
from practices.written_language import title_language
from taxonomy.choosers import subdivision_chooser
from taxonomy.vocabularies import ONGOING_STATUS

from .machine_translation import stored_machine_translations
from .visibility import public_pages

# Porto Alegre's participatory budgeting (1989) and its peers predate the 2000s.
EARLIEST_YEAR = 1980


def script_safe_json(data: dict) -> str:
    """JSON that can sit inside a <script> element: no character can close it."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return mark_safe(text)  # noqa: S308 - every markup character is escaped above


SUMMARY_MAX_LENGTH = 600
# Rendered parts of a practice are keyed by its published state; this bounds how long
# a renamed taxonomy term can keep its old label there.
CACHE_SECONDS = 3600
# A practice not reviewed for this long is due for another look.
REVIEW_INTERVAL = datetime.timedelta(days=365)


def validate_year(value: int) -> None:
    this_year = datetime.date.today().year
    if value is not None and not EARLIEST_YEAR <= value <= this_year:
        raise ValidationError(
            _("Enter a year between %(first)s and %(last)s."),
            params={"first": EARLIEST_YEAR, "last": this_year},
            code="year_out_of_range",
        )


class SourceCatalogue(models.TextChoices):
    EDITORIAL = "editorial", _("Written by the editors")
    CONTRIBUTION = "contribution", _("Contributed through the public form")
    OGP = "ogp", _("OGP commitments database")
    PARTICIPEDIA = "participedia", _("Participedia")
    DEMO = "demo", _("Demo repertory")


class Language(models.TextChoices):
    SPANISH = "es", _("Spanish")
    ENGLISH = "en", _("English")
    PORTUGUESE = "pt", _("Portuguese")
    FRENCH = "fr", _("French")
    OTHER = "other", _("Other")


class PracticeKeyword(TaggedItemBase):
    content_object = ParentalKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="tagged_keywords",
    )


class PracticePageQuerySet(PageQuerySet):
    def public_practices(self):
        """The practices readers can reach (`public_pages`): what search indexes and
        what exports, feeds, sitemaps and dumps list."""
        return public_pages(self)

    def for_reading(self):
        """Join the single-valued terms a practice page shows (every facet's of
        the registry, practices/facets.py)."""
        return self.select_related("locale", *SINGLE_TERM_RELATIONS)

    def without_translation(self):
        """Pages whose practice exists in one language only."""
        alone = (
            PracticePage.objects.order_by()
            .values("translation_key")
            .annotate(languages=models.Count("pk"))
            .filter(languages=1)
            .values("translation_key")
        )
        return self.filter(translation_key__in=alone)

    def review_due(self, today: datetime.date | None = None):
        """Pages whose last review is more than REVIEW_INTERVAL old; a page never
        reviewed counts from its first publication (a draft never published, from
        its first saved revision), so a new practice is not due at once."""
        cutoff = (today or timezone.localdate()) - REVIEW_INTERVAL
        cutoff_moment = timezone.make_aware(
            datetime.datetime.combine(cutoff, datetime.time.min)
        )
        saved_before_cutoff = Revision.page_revisions.filter(
            object_id=Cast(models.OuterRef("pk"), models.CharField()),
            created_at__lt=cutoff_moment,
        )
        never_reviewed = models.Q(last_reviewed__isnull=True)
        return self.filter(
            models.Q(last_reviewed__lt=cutoff)
            | (never_reviewed & models.Q(first_published_at__lt=cutoff_moment))
            | (
                never_reviewed
                & models.Q(first_published_at__isnull=True)
                & models.Exists(saved_before_cutoff)
            )
        )


class PracticePage(SitePage, Page):
    """One case of open government or proactive transparency, in one language."""

    objects = PageManager.from_queryset(PracticePageQuerySet)()

    summary = models.TextField(
        _("summary"),
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text=_("Two or three sentences an official can read in ten seconds."),
    )
    problem = RichTextField(
        _("problem addressed"), blank=True, features=RICH_TEXT_FEATURES
    )
    actions = RichTextField(_("what was done"), blank=True, features=RICH_TEXT_FEATURES)
    results = RichTextField(
        _("results and outcomes"), blank=True, features=RICH_TEXT_FEATURES
    )
    lessons = RichTextField(
        _("lessons and what it takes to replicate"),
        blank=True,
        features=RICH_TEXT_FEATURES,
    )
    evidence = RichTextField(
        _("evidence"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Which assessment shows the results (an evaluation, an audit, a study, "
            "the implementer's own report), or that none exists. It must agree "
            "with the evidence level."
        ),
    )

    country = models.ForeignKey(
        "taxonomy.Country",
        verbose_name=_("country"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    subdivision = models.ForeignKey(
        "taxonomy.Subdivision",
        verbose_name=_("state or province"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.CharField(_("municipality"), max_length=160, blank=True)
    government_level = models.ForeignKey(
        "taxonomy.GovernmentLevel",
        verbose_name=_("government level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    regulated_party_type = models.ForeignKey(
        "taxonomy.RegulatedPartyType",
        verbose_name=_("type of regulated party"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    practice_types = ParentalManyToManyField(
        "taxonomy.PracticeType",
        verbose_name=_("practice types"),
        blank=True,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "taxonomy.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    outcomes = ParentalManyToManyField(
        "taxonomy.Outcome", verbose_name=_("outcomes"), blank=True, related_name="+"
    )
    evidence_level = models.ForeignKey(
        "taxonomy.EvidenceLevel",
        verbose_name=_("evidence level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=[validate_year]
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=[validate_year]
    )
    status = models.ForeignKey(
        "taxonomy.PracticeStatus",
        # Beside Wagtail's own status (published, draft): a context of its own.
        verbose_name=pgettext_lazy("practice status", "status"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    implementing_institutions = models.TextField(
        _("implementing institutions"), blank=True, help_text=_("One per line.")
    )
    partners = models.TextField(_("partners"), blank=True, help_text=_("One per line."))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keywords = ClusterTaggableManager(
        verbose_name=_("keywords"), through=PracticeKeyword, blank=True
    )
    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=Language.choices,
        default=Language.SPANISH,
    )
    source_catalogue = models.CharField(
        _("source catalogue"),
        max_length=20,
        choices=SourceCatalogue.choices,
        default=SourceCatalogue.EDITORIAL,
    )
    source_id = models.CharField(
        _("id in the source catalogue"), max_length=80, blank=True
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Part of the demo repertory.")
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    # Set when a moderator merged this practice into another (desk: merge): it is
    # unpublished and its address redirects there.
    merged_into = models.ForeignKey(
        "practices.PracticePage",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []
    base_form_class = PracticePageForm

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("problem"),
        FieldPanel("actions"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("evidence"),
    ]
    classification_panels = [
        HelpPanel(
            content=_(
                "The classification and the sources belong to the practice, not to "
                "this language: when this page is published, its translations get "
                "them too (keywords machine-translated)."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("subdivision", widget=subdivision_chooser()),
                FieldPanel("municipality"),
            ],
            heading=_("Where"),
        ),
        FieldRowPanel(
            [FieldPanel("government_level"), FieldPanel("regulated_party_type")]
        ),
        FieldPanel("practice_types", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcomes", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("evidence_level"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("keywords"),
    ]
    sources_panels = [
        FieldPanel("implementing_institutions"),
        FieldPanel("partners"),
        InlinePanel("sources", heading=_("Sources"), label=_("source")),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
        FieldPanel("image"),
    ]
    record_panels = [
        FieldPanel("original_language"),
        FieldRowPanel([FieldPanel("source_catalogue"), FieldPanel("source_id")]),
        FieldPanel("is_demo"),
        FieldPanel("last_reviewed"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(sources_panels, heading=_("Sources")),
            ObjectList(record_panels, heading=_("Record")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("actions"),
        # The admin's listings and page search match as the editor types
        # (`autocomplete`), which reads only these: titles alone found nothing of
        # "drenaje" written in a summary.
        index.AutocompleteField("summary"),
        *(index.AutocompleteField(name) for name in RICH_TEXT_SECTIONS),
        # Where: "Jalisco" or "Zapopan" finds every practice there, named in its
        # text or not.
        index.AutocompleteField("municipality"),
        index.RelatedFields(
            "subdivision",
            [
                index.AutocompleteField("name"),
                index.AutocompleteField("name_es"),
                index.AutocompleteField("name_en"),
            ],
        ),
        index.FilterField("source_catalogue"),
        index.FilterField("original_language"),
        # For the side-by-side comparison with Wagtail's own search (bench.compare).
        index.FilterField("country_id"),
        index.FilterField("government_level_id"),
        index.FilterField("status_id"),
        index.FilterField("evidence_level_id"),
        # Year ranges and newest-first in the benchmark's Wagtail side (bench/).
        index.FilterField("start_year"),
    ]

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        # Not unique: a translation keeps the source record of its original.
        indexes = [models.Index(fields=["source_catalogue", "source_id"])]

    def get_admin_display_title(self):
        title = super().get_admin_display_title()
        if self.merged_into_id:
            return _("%(title)s (merged)") % {"title": title}
        return title

    def documented_results(self) -> bool:
        return has_documented_results(
            self.evidence_level.slug if self.evidence_level_id else None, self.results
        )

    def clean(self):
        super().clean()
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("The end year cannot be before the start year.")
        if (
            self.subdivision_id
            and self.country_id
            and (self.subdivision.country_id != self.country_id)
        ):
            errors["subdivision"] = _(
                "This state or province is not in the chosen country."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Set by the practices index when a reader of the other language asks for a
        # practice written only in this one.
        machine = getattr(self, "machine_translation", None)
        if machine:
            context["machine_translation"] = machine
        context["translations"] = live_translations(self)
        if not machine and not context["translations"]:
            context["machine_translation_urls"] = self.machine_translation_urls(request)
        address = page_url(self, request)
        context["citation"] = cite(
            self,
            address,
            title=machine.get("title") if machine else None,
        )
        # Cached without the address, which depends on the host the reader reached.
        metadata = cache.get_or_set(
            f"practice-metadata:{self.cache_key}", self.json_ld, CACHE_SECONDS
        )
        context["json_ld"] = script_safe_json({**metadata, "url": address})
        return context

    def machine_translation_urls(self, request) -> dict[str, str]:
        """By language, where its readers read this practice through its stored
        machine translation (the practices index serves it at this slug): where the
        language switch leads when people have not translated it (it led to the
        other language's home page)."""
        if not stored_machine_translations([self]).get(self.pk, {}).get("title"):
            return {}
        return {
            index.locale.language_code: f"{index.get_url(request)}{self.slug}/"
            for index in self.get_parent()
            .get_translations()
            .live()
            .select_related("locale")
        }

    def json_ld(self) -> dict:
        """schema.org metadata for search engines and citation managers, but for
        the page's address (`url`), which the view adds."""
        # Prefetched, so the page body rendered next reuses the same themes.
        prefetch_related_objects([self], "themes")
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.title,
            "description": self.summary,
            "inLanguage": self.locale.language_code,
            "license": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
            "publisher": {"@type": "Organization", "name": "Repertorio"},
            "keywords": [
                theme.label(self.locale.language_code) for theme in self.themes.all()
            ],
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.date().isoformat()
        if self.country_id:
            data["spatialCoverage"] = {
                "@type": "Country",
                "name": self.country.name(self.locale.language_code),
                "identifier": self.country.code,
            }
        if self.start_year:
            data["temporalCoverage"] = f"{self.start_year}/{self.end_year or '..'}"
        return data

    def facts(self) -> list[PracticeFact]:
        """The classifications the page lists, from the facet registry."""
        return practice_facts(self)

    def still_running(self) -> bool:
        """Ongoing and without an end year: its years read "since <start>", not as
        the one year it started in."""
        return (
            not self.end_year
            and self.status_id is not None
            and self.status.slug == ONGOING_STATUS
        )

    def institutions_list(self) -> list[str]:
        return [
            line.strip()
            for line in self.implementing_institutions.splitlines()
            if line.strip()
        ]

    def partners_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class PracticeSource(Orderable):
    """Where the facts of a practice can be checked."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official document or site")
        EVALUATION = "evaluation", _("Evaluation or audit")
        CATALOGUE = "catalogue", _("Catalogue entry")
        PRESS = "press", _("Press")
        ACADEMIC = "academic", _("Academic")
        OTHER = "other", _("Other")

    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("URL"), max_length=500, validators=[validate_source_url])
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER
    )
    date = models.DateField(_("date"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("url"),
        FieldPanel("kind"),
        FieldPanel("date"),
    ]

    def __str__(self):
        return self.title

    @cached_property
    def title_language(self) -> str:
        """The language the title is written in, "" when unsure: a page marks the
        title with it (`lang`) where it is not the page's, for screen readers."""
        return title_language(self.title)


class PracticeDocument(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("document"), FieldPanel("caption")]
