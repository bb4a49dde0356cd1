"""The picture of the collection on the home page: counts by facet and by year."""

from dataclasses import dataclass

from django.http import QueryDict

from search.filters import parse_filters
from search.service import FacetValue, SearchUnavailable, search_practices

CHART_WIDTH, CHART_HEIGHT, BAR_GAP = 640, 160, 2


@dataclass
class YearBar:
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float
    # "major": labelled at every width; "minor": on wide screens only (a phone
    # draws fewer, larger labels); "": not labelled.
    label: str = ""


@dataclass
class Overview:
    total: int
    themes: list[FacetValue]
    regions: list[FacetValue]
    types: list[FacetValue]
    countries: list[FacetValue]
    all_countries: list[FacetValue]
    mexican_states: list[FacetValue]
    years: list[YearBar]
    newest: list


def collection_overview(language: str) -> Overview | None:
    """None when search is down: the home page then shows its text only."""
    try:
        results = search_practices(
            parse_filters(QueryDict(f"sort=newest&page_size=6&lang={language}"))
        )
    except SearchUnavailable:
        return None
    return Overview(
        total=results.total,
        themes=results.facets["theme"][:12],
        regions=results.facets["region"],
        types=results.facets["type"],
        countries=results.facets["country"][:15],
        all_countries=results.facets["country"],
        mexican_states=[
            value
            for value in results.facets["subdivision"]
            if value.value.startswith("MX-")
        ],
        years=year_bars(results.years),
        newest=results.results,
    )


def year_bars(years: list[tuple[int, int]]) -> list[YearBar]:
    if not years:
        return []
    first, last = years[0][0], years[-1][0]
    counts = dict(years)
    span = last - first + 1
    width = CHART_WIDTH / span
    tallest = max(counts.values())
    bars = []
    for offset in range(span):
        year = first + offset
        count = counts.get(year, 0)
        height = CHART_HEIGHT * count / tallest
        bars.append(
            YearBar(
                year,
                count,
                offset * width,
                CHART_HEIGHT - height,
                max(width - BAR_GAP, 1),
                height,
                _label(year, first, last),
            )
        )
    return bars


# Years a major label keeps from the first and the last, so that the larger labels
# of a phone do not overlap (the last is drawn leftwards from the chart's end).
SPACING_AFTER_FIRST, SPACING_BEFORE_LAST = 8, 10


def _label(year: int, first: int, last: int) -> str:
    if year in (first, last):
        return "major"
    if (
        year % 10 == 0
        and year - first >= SPACING_AFTER_FIRST
        and last - year >= SPACING_BEFORE_LAST
    ):
        return "major"
    return "minor" if year % 5 == 0 else ""
