"""The JSON shapes of the public API (documented in docs/api/openapi.yaml)."""

from collections.abc import Callable

from .service import SearchResults


def results_json(
    results: SearchResults, *, absolute: Callable[[str], str] = str
) -> dict:
    """`absolute` turns a page's path into the address a client can follow
    (`kb.absolute_urls.absolute_url`)."""
    filters = results.filters
    return {
        "total": results.total,
        "page": filters.page,
        "page_size": filters.page_size,
        "took_ms": results.took_ms,
        "results": [
            {
                "id": hit.id,
                "url": absolute(hit.url) if hit.url else hit.url,
                "title": hit.title,
                "summary": hit.summary,
                "highlights": hit.highlights,
                "country": hit.country,
                "themes": [slug for slug, _label in hit.themes],
                "year": hit.year,
                "language": hit.language,
                "level": hit.level,
                "evidence": hit.evidence,
                "outcomes": [slug for slug, _label in hit.outcomes],
                "documented_results": hit.documented_results,
            }
            for hit in results.results
        ],
        "facets": {
            facet: [
                {
                    "value": v.value,
                    "label": v.label,
                    "count": v.count,
                    "selected": v.selected,
                }
                for v in values
            ]
            for facet, values in results.facets.items()
        }
        | {
            "year": [
                {
                    "value": year,
                    "label": str(year),
                    "count": count,
                    "selected": _year_selected(year, filters),
                }
                for year, count in results.years
            ]
        },
        "suggestion": results.suggestion,
        "warnings": results.warnings,
        "documented_count": results.documented_count,
        "undated_count": results.undated_count,
    }


def _year_selected(year: int, filters) -> bool:
    if not filters.has_years:
        return False
    return (filters.year_from or year) <= year <= (filters.year_to or year)
