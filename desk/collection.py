"""The figures of the collection dashboard, each with the admin listing behind it."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from contributions.models import Submission
from practices.models import PracticePage
from search.service import IndexQueueSummary, index_queue_summary
from taxonomy.models import Country, EvidenceLevel, PracticeStatus, Theme

from .models import LinkCheck

TOP_COUNTRIES = 12


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
    extra: dict = field(default_factory=dict)


def practices_listing_url(**filters) -> str:
    url = reverse("practices:index")
    return f"{url}?{urlencode(filters)}" if filters else url


def _by_term(field_name: str, terms, filter_name: str, title, *, empty_label=None):
    # order_by(): Wagtail orders pages by tree path, which would split every group.
    counts = dict(
        PracticePage.objects.order_by()
        .values_list(field_name)
        .annotate(n=Count("pk", distinct=True))
        .values_list(field_name, "n")
    )
    figures = [
        Figure(
            str(term), counts[term.pk], practices_listing_url(**{filter_name: term.pk})
        )
        for term in terms
        if counts.get(term.pk)
    ]
    if empty_label and counts.get(None):
        figures.append(
            Figure(
                str(empty_label),
                counts[None],
                practices_listing_url(**{filter_name: "null"}),
            )
        )
    return FigureGroup(str(title), figures)


def _by_country() -> FigureGroup:
    counts = (
        PracticePage.objects.order_by()
        .exclude(country=None)
        .values("country")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    names = Country.objects.in_bulk([row["country"] for row in counts[:TOP_COUNTRIES]])
    figures = [
        Figure(
            str(names[row["country"]]),
            row["n"],
            practices_listing_url(country=row["country"]),
        )
        for row in counts[:TOP_COUNTRIES]
    ]
    return FigureGroup(str(_("Country")), figures, more_url=practices_listing_url())


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
        _by_term("themes", Theme.objects.all(), "themes", _("Theme")),
        _by_country(),
        _by_language(),
        _by_term(
            "evidence_level",
            EvidenceLevel.objects.all(),
            "evidence_level",
            _("Evidence level"),
            empty_label=_("Not stated"),
        ),
        _by_term("status", PracticeStatus.objects.all(), "status", _("Status")),
    ]
    return CollectionOverview(
        total=total,
        live=live,
        drafts=total - live,
        groups=groups,
        attention=attention,
        index=index_queue_summary(),
    )
