"""Converting between practice pages and interchange records."""

from datetime import date

from practices.facets import EDITABLE_FACETS
from practices.models import PracticePage, PracticeSource
from practices.sections import RICH_TEXT_SECTIONS

from .record import PracticeRecord, SourceLink
from .rich_text import sanitise_rich_text
from .vocabulary import Vocabulary


def record_from_page(page: PracticePage) -> PracticeRecord:
    return PracticeRecord(
        source_catalogue=page.source_catalogue,
        source_id=page.source_id,
        locale=page.locale.language_code,
        title=page.title,
        summary=page.summary,
        **{name: getattr(page, name) for name in RICH_TEXT_SECTIONS},
        municipality=page.municipality,
        start_year=page.start_year,
        end_year=page.end_year,
        implementing_institutions=page.institutions_list(),
        partners=page.partners_list(),
        sources=[
            SourceLink(s.title, s.url, s.kind, s.date.isoformat() if s.date else None)
            for s in page.sources.all()
        ],
        keywords=sorted(tag.name for tag in page.keywords.all()),
        original_language=page.original_language,
        is_demo=page.is_demo,
        last_reviewed=page.last_reviewed.isoformat() if page.last_reviewed else None,
        translation_key=str(page.translation_key),
        slug=page.slug,
        **{facet.field: facet.record_value(page) for facet in EDITABLE_FACETS},
    )


def normalised(record: PracticeRecord) -> PracticeRecord:
    """The record as it will read back from the database: sorted lists, clean HTML."""
    values = record.to_dict()
    for name in ("practice_types", "themes", "outcomes", "keywords"):
        values[name] = sorted(
            {value.strip() for value in values[name] if value.strip()}
        )
    for name in RICH_TEXT_SECTIONS:
        values[name] = sanitise_rich_text(values[name])
    for name in ("implementing_institutions", "partners"):
        # Stored one per line, so a name cannot itself span lines.
        values[name] = [
            " ".join(line.split())
            for item in values[name]
            for line in item.splitlines()
            if line.strip()
        ]
    return PracticeRecord.from_dict(values)


def apply_record(
    page: PracticePage, record: PracticeRecord, vocabulary: Vocabulary
) -> None:
    """Copy a validated, normalised record onto a page (not saved)."""
    page.title = record.title
    page.summary = record.summary
    for name in RICH_TEXT_SECTIONS:
        setattr(page, name, getattr(record, name))
    for facet in EDITABLE_FACETS:
        terms, value = vocabulary.terms[facet.field], getattr(record, facet.field)
        if facet.multiple:
            setattr(page, facet.field, [terms[v] for v in value])
        else:
            setattr(page, facet.field, terms.get(value or ""))
    page.municipality = record.municipality
    page.start_year = record.start_year
    page.end_year = record.end_year
    page.implementing_institutions = "\n".join(record.implementing_institutions)
    page.partners = "\n".join(record.partners)
    page.original_language = record.original_language
    page.source_catalogue = record.source_catalogue
    page.source_id = record.source_id
    page.is_demo = record.is_demo
    page.last_reviewed = record.last_reviewed or None
    if record.keywords or page.pk:
        # A new page has no keywords: setting none would still ask the database.
        page.keywords.set(record.keywords)
    # Dates as dates: a string here makes the page's revision drop every relation
    # (Wagtail falls back to plain fields when serialising fails), so an update
    # would publish without its terms and sources.
    page.sources = [
        PracticeSource(
            title=s.title,
            url=s.url,
            kind=s.kind,
            date=date.fromisoformat(s.date) if s.date else None,
        )
        for s in record.sources
    ]
