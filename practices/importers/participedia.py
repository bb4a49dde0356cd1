"""Participedia's cases export (111 columns), and its two partial exports joined on id.

Participedia stores places as free text in several languages ("Italia", "Belgique");
they are normalised to ISO codes here, and what cannot be is reported.
"""

import datetime
from collections.abc import Iterator
from pathlib import Path

from taxonomy import geography

from .csv_rows import cell, read_csv_rows, shape_problem, year_of
from .record import ParsedRow, PracticeRecord, RowProblem, SourceLink
from .text import paragraphs_html, shorten

CATALOGUE = "participedia"
REQUIRED_COLUMNS = {"id", "title", "url", "country"}
TEXT_COLUMNS = {"id", "title", "description", "url"}
FACET_COLUMNS = {"id", "country_best", "city_best", "province", "approaches"}

# Participedia issue and topic slugs to our themes. Values not listed are reported.
THEME_FOR_TOPIC = {
    "budget": "participatory-budgeting",
    "planning": "public-works",
    "transportation": "public-works",
    "infrastructure": "public-works",
    "housing": "public-services",
    "health": "public-services",
    "education": "public-services",
    "environment": "environment-climate",
    "energy": "environment-climate",
    "water": "water-sanitation",
    "human": "inclusion",
    "identity": "inclusion",
    "gender": "gender",
    "law": "open-justice",
    "right_to": "access-to-information",
    "government_spending": "fiscal-openness",
    "budget_allocation": "participatory-budgeting",
    "justice": "open-justice",
    "administration": "capacity-building",
    "governance": "citizen-participation",
    "economics": "fiscal-openness",
    "science": "digital-government",
    "citizenship": "civic-space",
    "immigration": "inclusion",
    "international": "citizen-participation",
    "security": "public-security",
    "geopolitics": "citizen-participation",
    "biomedical": "public-services",
}
LEVEL_FOR_SCOPE = {
    "city/town": "municipal",
    "metropolitan": "municipal",
    "neighbourhood": "municipal",
    "regional": "state",
    "national": "national",
    "multinational": "multi-level",
    "transnational": "multi-level",
}
LOCALES = {"es": "es", "en": "en"}


def read_participedia(path: Path) -> Iterator[ParsedRow]:
    for line, row in read_csv_rows(path, REQUIRED_COLUMNS):
        problem = shape_problem(row)
        if problem:
            yield ParsedRow(line, None, [RowProblem(line, "row", problem)])
        else:
            yield parse_export_row(line, row)


def parse_export_row(line: int, row: dict) -> ParsedRow:
    problems: list[RowProblem] = []
    warnings: list[RowProblem] = []
    identifier = cell(row, "id").removesuffix(".0")
    language = cell(row, "original_language") or "en"
    country = _country(cell(row, "country"), line, problems)
    subdivision = (
        geography.subdivision_code_for(country, cell(row, "province"))
        if country
        else None
    )
    topics = _values(row, "general_issues", 3) + _values(row, "specific_topics", 3)
    themes = {"citizen-participation"}
    for topic in topics:
        if topic in THEME_FOR_TOPIC:
            themes.add(THEME_FOR_TOPIC[topic])
        else:
            warnings.append(RowProblem(line, "topics", f"no theme for {topic!r}"))
    start = year_of(cell(row, "start_date"))
    end = year_of(cell(row, "end_date"))
    approaches = _values(row, "approaches", 3)
    record = PracticeRecord(
        source_catalogue=CATALOGUE,
        source_id=identifier,
        locale=LOCALES.get(language, "en"),
        original_language=language if language in ("es", "en", "pt", "fr") else "other",
        title=shorten(cell(row, "title"), 255),
        summary=shorten(cell(row, "description") or cell(row, "title")),
        actions=paragraphs_html(row.get("body") or ""),
        country=country,
        subdivision=subdivision,
        municipality=shorten(cell(row, "city"), 160),
        government_level=LEVEL_FOR_SCOPE.get(cell(row, "scope_of_influence_1")),
        practice_types=sorted(
            {"citizen-participation"}
            | ({"co-creation"} if "cogovernance" in approaches else set())
        ),
        themes=sorted(themes),
        evidence_level=_evidence(row),
        start_year=start,
        end_year=end if end and start and end >= start else None,
        status=_status(row, end),
        implementing_institutions=[
            i for i in [shorten(cell(row, "primary_organizer_title"), 200)] if i
        ],
        sources=[
            SourceLink(f"Participedia case {identifier}", cell(row, "url"), "catalogue")
        ]
        if cell(row, "url")
        else [],
        keywords=sorted(set(_values(row, "specific_topics", 3))),
    )
    return ParsedRow(line, record, problems, warnings)


def read_participedia_joined(text_path: Path, facets_path: Path) -> Iterator[ParsedRow]:
    """The text export (id,title,description,url) joined with the facets export on id."""
    facets = {
        row["id"]: row for _line, row in read_csv_rows(facets_path, FACET_COLUMNS)
    }
    for line, text_row in read_csv_rows(text_path, TEXT_COLUMNS):
        facet_row = facets.get(text_row["id"], {})
        country = facet_row.get("country_best", "")
        merged = {
            **text_row,
            "country": "" if country == "Unknown" else country,
            "city": ""
            if facet_row.get("city_best") == "Unknown"
            else facet_row.get("city_best", ""),
            "province": facet_row.get("province", ""),
            "approaches_1": " ".join(_pg_array(facet_row.get("approaches", ""))),
            "start_date": "",
            "title": text_row["title"].capitalize(),
            "description": _sentence_case(text_row.get("description", "")),
        }
        yield parse_export_row(line, merged)


def _country(name: str, line: int, problems: list[RowProblem]) -> str | None:
    if not name:
        problems.append(RowProblem(line, "country", "missing"))
        return None
    code = geography.country_code_for(name)
    if code is None:
        problems.append(RowProblem(line, "country", f"unknown country {name!r}"))
    return code


def _values(row: dict, prefix: str, count: int) -> list[str]:
    values = []
    for n in range(1, count + 1):
        for part in (row.get(f"{prefix}_{n}") or "").split():
            if part.strip():
                values.append(part.strip())
    return values


def _evidence(row: dict) -> str:
    if cell(row, "formal_evaluation").startswith("1"):
        return "independently-evaluated"
    if cell(row, "impact_evidence").startswith("1"):
        return "documented"
    return "anecdotal"


def _status(row: dict, end: int | None) -> str | None:
    if cell(row, "ongoing").startswith("1"):
        return "ongoing"
    if end and end <= datetime.date.today().year:
        return "completed"
    return None


def _pg_array(text: str) -> list[str]:
    return [v.strip('" ') for v in text.strip("{}").split(",") if v.strip('" ')]


def _sentence_case(text: str) -> str:
    sentences = [s.strip() for s in text.split(". ")]
    return ". ".join(s[:1].upper() + s[1:] for s in sentences if s)
