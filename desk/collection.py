"""The figures of the collection dashboard, each with the admin listing behind it.

Its groups follow the facet registry (practices/facets.py): one per facet the
practice listing can filter by (`admin_filter`), then the languages.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from contributions.models import Submission
from practices import facets
from practices.facets import Facet
from practices.models import PracticePage
from practices.translation import TranslationQueueSummary, translation_queue_summary
from search.index_status import IndexQueueSummary, index_queue_summary

from .models import LinkCheck

# A group lists every term practices hold, in the vocabulary's order; a longer
# vocabulary (countries: 250) lists its TOP_TERMS most held, and links to the listing.
LONGEST_LISTED_VOCABULARY = 40
TOP_TERMS = 12


@dataclass
class Figure:
    label: str
    count: int
    url: str


@dataclass
class FigureGroup:
    title: str
    figures: list[Figure]
    more_url: str = ""


@dataclass
class CollectionOverview:
    total: int
    live: int
    drafts: int
    groups: list[FigureGroup]
    attention: list[Figure]
    index: IndexQueueSummary
    translation: TranslationQueueSummary | None = None
    extra: dict = field(default_factory=dict)


def practices_listing_url(**filters) -> str:
    url = reverse("practices:index")
    return f"{url}?{urlencode(filters)}" if filters else url


def _by_facet(facet: Facet) -> FigureGroup:
    """Practice pages per term of one facet, each linked to the listing filtered by it
    (the listing's facet filters take the page field and the term's id)."""
    # order_by(): Wagtail orders pages by tree path, which would split every group.
    counts = dict(
        PracticePage.objects.order_by()
        .values_list(facet.field)
        .annotate(n=Count("pk", distinct=True))
        .values_list(facet.field, "n")
    )
    terms = list(
        facet.vocabulary.objects.filter(pk__in=[pk for pk in counts if pk is not None])
    )
    more_url = ""
    if facet.vocabulary.objects.count() > LONGEST_LISTED_VOCABULARY:
        terms = sorted(terms, key=lambda term: -counts[term.pk])[:TOP_TERMS]
        more_url = practices_listing_url()
    figures = [
        Figure(
            str(term), counts[term.pk], practices_listing_url(**{facet.field: term.pk})
        )
        for term in terms
    ]
    # `?field=null` is how the listing filters a single-valued facet left empty.
    if not facet.multiple and counts.get(None):
        figures.append(
            Figure(
                str(_("Not stated")),
                counts[None],
                practices_listing_url(**{facet.field: "null"}),
            )
        )
    return FigureGroup(str(facet.label), figures, more_url=more_url)


def _by_language() -> FigureGroup:
    counts = dict(
        PracticePage.objects.order_by().values_list("locale").annotate(n=Count("pk"))
    )
    figures = [
        Figure(
            locale.get_display_name(),
            counts[locale.pk],
            practices_listing_url(locale=locale.language_code),
        )
        for locale in Locale.objects.all()
        if counts.get(locale.pk)
    ]
    return FigureGroup(str(_("Language")), figures)


def collection_overview(user=None) -> CollectionOverview:
    """The figures; links the user may not follow (contributions are moderators')
    are left out, the counts stay."""
    pages = PracticePage.objects.all()
    total = pages.count()
    live = pages.live().count()
    broken_links = (
        PracticePage.objects.filter(
            sources__url__in=LinkCheck.objects.filter(
                result__in=LinkCheck.BROKEN_RESULTS
            ).values("url")
        )
        .distinct()
        .count()
    )
    attention = [
        Figure(
            str(_("Practices without a translation")),
            pages.without_translation().count(),
            reverse("desk:translations"),
        ),
        Figure(
            str(_("Not reviewed for 12 months")),
            pages.review_due().count(),
            practices_listing_url(review="due"),
        ),
        Figure(
            str(_("Practices with a broken source link")),
            broken_links,
            reverse("desk:broken_links"),
        ),
        Figure(
            str(_("Contributions waiting for a decision")),
            Submission.objects.filter(status=Submission.Status.PENDING).count(),
            reverse("contributions:index") + "?status=pending"
            if user is None or user.has_perm("contributions.view_submission")
            else "",
        ),
    ]
    groups = [
        *(_by_facet(facet) for facet in facets.FACETS if facet.admin_filter),
        # The listing filters languages with Wagtail's own locale filter, not a
        # facet filter.
        _by_language(),
    ]
    return CollectionOverview(
        total=total,
        live=live,
        drafts=total - live,
        groups=groups,
        attention=attention,
        index=index_queue_summary(),
        translation=translation_queue_summary(),
    )
