"""Participedia's cases export (111 columns), and its two partial exports joined on id.

Participedia stores places as free text in several languages ("Italia", "Belgique");
they are normalised to ISO codes here, and what cannot be is reported. A city
resolves to its state through `taxonomy.localities`.

What a case says about itself becomes facets:
- the government level from its scope of influence, or else from how precisely it is
  located (a city: municipal; a region: state; only a country: national);
- themes from its issues and topics, its approaches, its method types and its
  specific methods (Participedia's method 146 and the method type "public" are
  participatory budgeting), and from a method its title names.
"""

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

from kb.text import paragraphs_html
from taxonomy import geography, localities

from ..records.record import ParsedRow, PracticeRecord, RowProblem, SourceLink
from .csv_rows import cell, read_csv_rows, shape_problem, year_of
from .text import junk_in_title, shorten

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
# Participedia's approaches ("purpose and approach") to our themes.
THEME_FOR_APPROACH = {
    "advocacy": "civic-space",
    "citizenship": "civic-space",  # citizenship building
    "civil": "civic-space",  # civil society building
    "independent": "civic-space",  # independent action
    "protest": "civic-space",
    "social": "civic-space",  # social mobilisation
    "evaluation": "social-accountability",  # evaluation, oversight, social auditing
    "coproduction": "public-services",  # co-production in service delivery
    "coproduction_form": "public-services",
    "leadership": "capacity-building",
}
# Participedia's method types to our themes; "public" is "public budgeting".
THEME_FOR_METHOD_TYPE = {
    "public": "participatory-budgeting",
    "evaluation": "social-accountability",
    "protest": "civic-space",
    "planning": "public-works",
}
# Participedia's specific methods, by id and by name (the full export has both).
THEME_FOR_METHOD = {
    "146": "participatory-budgeting",
    "participatory budgeting": "participatory-budgeting",
}
# Methods a title may name, in the languages of the catalogue.
THEME_FOR_TITLE = {
    re.compile(
        r"participatory budget|presupuestos? participativos?|or[cç]amento participativo"
    ): "participatory-budgeting",
}
# A title that says the case is national is believed over a city in its location.
NATIONAL_TITLE = re.compile(r"\b(national|nacional|federal)\b", re.IGNORECASE)
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
    title = cell(row, "title")
    place = _Place.of(row, country, line, warnings)
    topics = _values(row, "general_issues", 3) + _values(row, "specific_topics", 3)
    themes = {"citizen-participation"}
    for topic in topics:
        if topic in THEME_FOR_TOPIC:
            themes.add(THEME_FOR_TOPIC[topic])
        else:
            warnings.append(RowProblem(line, "topics", f"no theme for {topic!r}"))
    approaches = _values(row, "approaches", 3)
    themes |= _method_themes(row, approaches, title)
    junk = junk_in_title(title)
    if junk:
        warnings.append(RowProblem(line, "title", f"looks like a test entry: {junk!r}"))
    start = year_of(cell(row, "start_date"))
    end = year_of(cell(row, "end_date"))
    record = PracticeRecord(
        source_catalogue=CATALOGUE,
        source_id=identifier,
        locale=LOCALES.get(language, "en"),
        original_language=language if language in ("es", "en", "pt", "fr") else "other",
        title=shorten(title, 255),
        summary=shorten(cell(row, "description") or cell(row, "title")),
        actions=paragraphs_html(row.get("body") or ""),
        country=country,
        subdivision=place.subdivision,
        municipality=shorten(place.city, 160),
        government_level=_level(row, place, title),
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
            "method_types_1": " ".join(_pg_array(facet_row.get("method_types", ""))),
            "specific_method_ids": " ".join(
                _pg_array(facet_row.get("specific_methods_tools_techniques", ""))
            ),
            "start_date": "",
            "title": text_row["title"].capitalize(),
            "description": _sentence_case(text_row.get("description", "")),
        }
        yield parse_export_row(line, merged)


class _Place:
    """Where a case is: its subdivision, its city, and how precisely it is known."""

    def __init__(self, subdivision: str | None, city: str, precision: str):
        self.subdivision = subdivision
        self.city = city
        self.precision = precision  # "city", "region", "country" or ""

    @classmethod
    def of(cls, row: dict, country: str | None, line: int, warnings) -> "_Place":
        if not country:
            return cls(None, "", "")
        region, city = cell(row, "province"), cell(row, "city")
        if city and geography.country_code_for(city) == country:
            city = ""  # "Brazil" in the city field: located only by its country
        head = city.split(",")[0].strip()
        if (
            city
            and not region
            and localities.region_subdivision(country, head)
            and not localities.city_subdivision(country, city)
        ):
            region, city = head, ""  # "Para, Brazil": a region in the city field
        subdivision = localities.place_subdivision(country, region, city)
        if not subdivision and (city or region):
            warnings.append(
                RowProblem(
                    line,
                    "city" if city else "province",
                    f"no state known for {city or region!r} ({country})",
                )
            )
        precision = "city" if city else "region" if region else "country"
        return cls(subdivision, city, precision)


LEVEL_FOR_PRECISION = {"city": "municipal", "region": "state", "country": "national"}


def _level(row: dict, place: _Place, title: str) -> str | None:
    scope = LEVEL_FOR_SCOPE.get(cell(row, "scope_of_influence_1"))
    if scope:
        return scope
    if NATIONAL_TITLE.search(title):
        return "national"
    return LEVEL_FOR_PRECISION.get(place.precision)


def _method_themes(row: dict, approaches: list[str], title: str) -> set[str]:
    themes = {THEME_FOR_APPROACH[a] for a in approaches if a in THEME_FOR_APPROACH}
    themes |= {
        THEME_FOR_METHOD_TYPE[m]
        for m in _values(row, "method_types", 3)
        if m in THEME_FOR_METHOD_TYPE
    }
    methods = cell(row, "specific_method_ids").split()
    for method_id, name in re.findall(
        r'\((\d+),method,"?([^)"]+)"?\)',
        cell(row, "specific_methods_tools_techniques_titles"),
    ):
        methods += [method_id, name.lower()]
    themes |= {THEME_FOR_METHOD[m] for m in methods if m in THEME_FOR_METHOD}
    themes |= {
        theme
        for pattern, theme in THEME_FOR_TITLE.items()
        if pattern.search(title.lower())
    }
    return themes


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
