"""The rows of a comparison: every facet of the registry, then the place and years,
the written sections and the sources; a row none of the practices fills is left out."""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from practices.dataset.columns import facet_label, facet_terms
from practices.facets import FACETS, Facet
from practices.sections import RICH_TEXT_SECTIONS, SECTION_HEADINGS

from .chosen import ChosenPractice


@dataclass(frozen=True)
class Cell:
    value: Any
    # The language of a written section's text (the page shown), else "".
    lang: str = ""


@dataclass(frozen=True)
class ComparisonRow:
    # A facet's name, a section's, or one of the other rows' below.
    name: str
    label: str
    # How a cell is shown: "terms" (labels), "text", "rich" (a section), "sources".
    kind: str
    # One per practice, in the selection's order.
    cells: tuple[Cell, ...]


def _is_filled(value) -> bool:
    return bool(value) if not isinstance(value, str) else bool(value.strip())


def _facet_row(facet: Facet, practices: list[ChosenPractice], lang: str):
    cells = tuple(
        Cell(
            [
                facet_label(facet, term, lang)
                for term in facet_terms(facet, chosen.group)
            ]
        )
        for chosen in practices
    )
    return ComparisonRow(facet.name, str(facet.label), "terms", cells)


def _years(page) -> str:
    if not page.start_year:
        return ""
    return f"{page.start_year}–{page.end_year or ''}"


def comparison_rows(practices: list[ChosenPractice], lang: str) -> list[ComparisonRow]:
    primaries = [chosen.group.primary for chosen in practices]
    rows = [_facet_row(facet, practices, lang) for facet in FACETS]
    rows += [
        ComparisonRow(
            "municipality",
            str(_("Municipality")),
            "text",
            tuple(Cell(page.municipality or "") for page in primaries),
        ),
        ComparisonRow(
            "years",
            str(_("Years")),
            "text",
            tuple(Cell(_years(page)) for page in primaries),
        ),
    ]
    rows += [
        ComparisonRow(
            name,
            str(SECTION_HEADINGS[name]),
            "rich",
            tuple(
                Cell(getattr(chosen.page, name), chosen.text_lang)
                for chosen in practices
            ),
        )
        for name in RICH_TEXT_SECTIONS
    ]
    rows.append(
        ComparisonRow(
            "sources",
            str(_("Sources")),
            "sources",
            tuple(Cell(list(page.sources.all())) for page in primaries),
        )
    )
    return [row for row in rows if any(_is_filled(cell.value) for cell in row.cells)]
