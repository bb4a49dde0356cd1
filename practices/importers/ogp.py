"""The Open Government Partnership commitments export (OGP's spreadsheet, 171 columns).

Missing values are `ND` (no data) and `NR` (not reviewed). Places are country names
or "Locality, Country" for OGP's local members. The IRM's ratings become outcomes,
an evidence level and a sentence in the results.
"""

import datetime
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from kb.text import paragraphs_html
from taxonomy import geography
from taxonomy.vocabularies import THEMES

from ..records.record import ParsedRow, PracticeRecord, RowProblem, SourceLink
from .csv_rows import cell, read_csv_rows, shape_problem, year_of
from .text import guess_language, shorten

CATALOGUE = "ogp"
REQUIRED_COLUMNS = {
    "Commitment Unique Identifier",
    "Country/Locality",
    "Commitment Title",
}

# OGP's local members in the export: where they are and what level of government.
# ISO 3166-2 has no code for cities, so a city is a municipality within its subdivision.
LOCAL_MEMBERS = {
    "Buenos Aires, Argentina": ("AR-C", "Buenos Aires", "municipal"),
    "Jalisco, Mexico": ("MX-JAL", "", "state"),
    "Kaduna State, Nigeria": ("NG-KD", "", "state"),
    "Madrid, Spain": ("ES-MD", "Madrid", "municipal"),
    "Scotland, United Kingdom": ("GB-SCT", "", "state"),
    "South Cotabato, Philippines": ("PH-SCO", "", "state"),
    "Tbilisi, Georgia": ("GE-TB", "Tbilisi", "municipal"),
}

POSITIVE_DIOG = {"marginal", "major", "outstanding"}
DONE = {"complete", "substantial"}


@lru_cache(maxsize=1)
def theme_for_policy_area() -> dict[str, str]:
    return {area: slug for slug, _es, _en, _parent, areas in THEMES for area in areas}


def read_ogp(path: Path) -> Iterator[ParsedRow]:
    for line, row in read_csv_rows(path, REQUIRED_COLUMNS):
        problem = shape_problem(row)
        if problem:
            yield ParsedRow(line, None, [RowProblem(line, "row", problem)])
        else:
            yield parse_row(line, row)


def parse_row(line: int, row: dict) -> ParsedRow:
    problems: list[RowProblem] = []
    warnings: list[RowProblem] = []
    identifier = cell(row, "Commitment Unique Identifier")
    title = cell(row, "Commitment Title") or cell(row, "Short Title")
    full_text = cell(row, "Full Text")
    language = guess_language(f"{title} {full_text}")

    country, subdivision, municipality, level = _place(row, line, problems)
    themes = sorted(
        {
            slug
            for column, slug in theme_for_policy_area().items()
            if (row.get(column) or "").strip() == "1"
        }
    )
    submitted = year_of(cell(row, "Year Of Submission"))
    end_year = year_of(cell(row, "Action Plan End Year"))
    this_year = datetime.date.today().year
    if end_year and end_year > this_year:
        end_year = None  # planned, not yet reached: the practice is ongoing
    ratings = _ratings(row)
    summary_source = full_text or title
    record = PracticeRecord(
        source_catalogue=CATALOGUE,
        source_id=identifier,
        locale=language,
        original_language=language,
        title=shorten(title, 255),
        summary=shorten(summary_source),
        actions=paragraphs_html(full_text),
        results=paragraphs_html(_ratings_sentence(ratings, language)),
        country=country,
        subdivision=subdivision,
        municipality=municipality,
        government_level=level,
        regulated_party_type=_regulated_party(themes),
        practice_types=_practice_types(row, themes),
        themes=themes,
        outcomes=_outcomes(ratings),
        evidence_level=_evidence_level(ratings),
        start_year=submitted,
        end_year=end_year if end_year and submitted and end_year >= submitted else None,
        status=_status(ratings, end_year, this_year),
        implementing_institutions=[i for i in [cell(row, "Lead Institution")] if i],
        partners=_split_institutions(cell(row, "Supporting Institution(s)")),
        sources=_sources(row, identifier),
        keywords=[k for k in [cell(row, "Theme")] if k and len(k) <= 100],
    )
    if not themes:
        warnings.append(RowProblem(line, "themes", "no OGP policy area is marked"))
    return ParsedRow(line, record, problems, warnings)


def _place(row: dict, line: int, problems: list[RowProblem]):
    place = cell(row, "Country/Locality")
    if place in LOCAL_MEMBERS:
        subdivision, municipality, level = LOCAL_MEMBERS[place]
        return subdivision.split("-")[0], subdivision, municipality, level
    country = geography.country_code_for(place)
    if country is None and "," in place:
        locality, country_name = (part.strip() for part in place.rsplit(",", 1))
        country = geography.country_code_for(country_name)
        if country:
            subdivision = geography.subdivision_code_for(country, locality)
            return country, subdivision, "" if subdivision else locality, "state"
    if country is None:
        problems.append(
            RowProblem(line, "Country/Locality", f"unknown country {place!r}")
        )
        return None, None, "", None
    national = cell(row, "National Or Local").lower() != "legacy local"
    return country, None, "", "national" if national else "multi-level"


def _ratings(row: dict) -> dict[str, str]:
    columns = {
        "potential_impact": "Potential Impact",
        "completion_progress": "Completion (Progress Report)",
        "completion_end": "Completion (End Of Term)",
        "diog": "Did It Open Government (Overall)",
        "diog_ati": "Did It Open Government (Access To Information)",
        "diog_cp": "Did It Open Government (Civic Participation)",
        "diog_pa": "Did It Open Government: Public Accountability",
    }
    ratings = {}
    for key, column in columns.items():
        value = (row.get(column) or "").strip()
        if value and value.upper() not in {"ND", "NR", "NA"}:
            ratings[key] = value
    return ratings


def _outcomes(ratings: dict[str, str]) -> list[str]:
    outcomes = set()
    if ratings.get("diog", "").lower() in POSITIVE_DIOG:
        outcomes.add("government-opened")
    if ratings.get("diog_ati", "").lower() in POSITIVE_DIOG:
        outcomes.add("better-access-to-information")
    if ratings.get("diog_cp", "").lower() in POSITIVE_DIOG:
        outcomes.add("increased-participation")
    if ratings.get("diog_pa", "").lower() in POSITIVE_DIOG:
        outcomes.add("stronger-accountability")
    return sorted(outcomes)


def _evidence_level(ratings: dict[str, str]) -> str:
    if "diog" in ratings or "completion_end" in ratings:
        return "independently-evaluated"
    if "completion_progress" in ratings or "potential_impact" in ratings:
        return "documented"
    return "self-reported"


def _status(
    ratings: dict[str, str], end_year: int | None, this_year: int
) -> str | None:
    completion = (
        ratings.get("completion_end") or ratings.get("completion_progress") or ""
    ).lower()
    if end_year is None or end_year >= this_year:
        return "ongoing" if completion != "complete" else "completed"
    if completion in DONE:
        return "completed"
    if completion == "not started":
        return "discontinued"
    return None


def _ratings_sentence(ratings: dict[str, str], language: str) -> str:
    if not ratings:
        return ""
    names = RATING_NAMES[language]
    parts = [
        f"{names[key]}: {value.lower()}"
        for key, value in ratings.items()
        if key in names
    ]
    lead = (
        "Valoración del Mecanismo de Revisión Independiente (IRM) de OGP"
        if language == "es"
        else "Assessment by OGP's Independent Reporting Mechanism (IRM)"
    )
    return f"{lead}: {'; '.join(parts)}."


RATING_NAMES = {
    "es": {
        "potential_impact": "impacto potencial",
        "completion_progress": "avance a medio término",
        "completion_end": "avance al final del plan",
        "diog": "¿abrió el gobierno?",
    },
    "en": {
        "potential_impact": "potential impact",
        "completion_progress": "completion at mid-term",
        "completion_end": "completion at end of term",
        "diog": "did it open government",
    },
}


def _practice_types(row: dict, themes: list[str]) -> list[str]:
    types = {"open-government"}
    if "open-data" in themes:
        types.add("open-data")
    if (row.get("OGP Value Civic Participation") or "").strip() == "1":
        types.add("citizen-participation")
    if (row.get("OGP Value Public Accountability") or "").strip() == "1":
        types.add("accountability-anti-corruption")
    if (row.get("OGP Value Access To Information") or "").strip() == "1":
        types.add("proactive-transparency")
    return sorted(types)


def _regulated_party(themes: list[str]) -> str:
    if "open-parliament" in themes:
        return "legislative"
    if "open-justice" in themes:
        return "judicial"
    return "executive"


def _split_institutions(text: str) -> list[str]:
    separators = text.replace(";", "\n").replace("|", "\n")
    return [part.strip() for part in separators.splitlines() if part.strip()][:20]


def _sources(row: dict, identifier: str) -> list[SourceLink]:
    url = cell(row, "URL")
    if not url:
        return []
    return [SourceLink(f"OGP commitment {identifier}", url, "catalogue")]
