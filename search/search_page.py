"""The public search page: the same filters and service as the JSON API, as HTML."""

from django.shortcuts import render
from django.utils.translation import get_language

from practices.facets import FACETS

from .filters import FilterError, parse_filters
from .service import SearchUnavailable, search_practices


def search_page(request):
    lang = "en" if (get_language() or "es").startswith("en") else "es"
    context = {"error": None, "results": None, "unavailable": False, "lang": lang}
    status = 200
    try:
        filters = parse_filters(_without_lang(request.GET), default_lang=lang)
    except FilterError as exc:
        filters = parse_filters({}, default_lang=lang)
        context["error"] = exc
        status = 400
    context["filters"] = filters
    if status == 200:
        try:
            context["results"] = search_practices(filters)
        except SearchUnavailable:
            context["unavailable"] = True
            status = 503
    if context["results"]:
        results = context["results"]
        context["facet_panels"] = [
            (facet, results.facets[facet.name]) for facet in FACETS
        ]
        context["chips"] = _chips(results)
        context["pagination"] = _pagination(filters, results.page_count)
        context["clear_url"] = filters.clear_url(request.path)
        if results.suggestion:
            context["suggestion_url"] = filters.url_with(q=results.suggestion)
    response = render(request, "search/search_page.html", context, status=status)
    if filters.active_filter_count > 1:
        response["X-Robots-Tag"] = "noindex"
    return response


def _without_lang(params):
    """The page's language comes from its URL, not from a `lang` parameter."""
    data = params.copy()
    data.pop("lang", None)
    return data


def _chips(results):
    filters = results.filters
    chips = []
    for facet, values in results.facets.items():
        for value in values:
            if value.selected:
                chips.append(
                    {
                        "label": value.label,
                        "facet": facet,
                        "remove": filters.toggle_url(facet, value.value),
                    }
                )
    if filters.year_from is not None:
        chips.append(
            {
                "label": f"≥ {filters.year_from}",
                "facet": "year",
                "remove": filters.url_with(year_from=None),
            }
        )
    if filters.year_to is not None:
        chips.append(
            {
                "label": f"≤ {filters.year_to}",
                "facet": "year",
                "remove": filters.url_with(year_to=None),
            }
        )
    return chips


def _pagination(filters, page_count: int) -> dict:
    """Previous, next and a window of page numbers, each a link the filters build."""
    current = filters.page
    window = range(max(1, current - 2), min(page_count, current + 2) + 1)
    return {
        "previous": filters.url_with(page=current - 1) if current > 1 else None,
        "next": filters.url_with(page=current + 1) if current < page_count else None,
        "pages": [
            {
                "number": n,
                "current": n == current,
                "url": filters.url_with(page=n),
            }
            for n in window
        ],
    }
