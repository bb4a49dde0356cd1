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
        context["facet_panels"] = [
            (facet, context["results"].facets[facet.name]) for facet in FACETS
        ]
        context["chips"] = _chips(context["results"])
        context["pages"] = _page_links(filters, context["results"].page_count)
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
                        "remove": filters.toggled(facet, value.value).querystring(),
                    }
                )
    if filters.year_from is not None:
        chips.append(
            {
                "label": f"≥ {filters.year_from}",
                "facet": "year",
                "remove": filters.querystring(year_from=None, page=1),
            }
        )
    if filters.year_to is not None:
        chips.append(
            {
                "label": f"≤ {filters.year_to}",
                "facet": "year",
                "remove": filters.querystring(year_to=None, page=1),
            }
        )
    return chips


def _page_links(filters, page_count: int) -> list[dict]:
    window = range(max(1, filters.page - 2), min(page_count, filters.page + 2) + 1)
    return [
        {
            "number": n,
            "current": n == filters.page,
            "query": filters.querystring(page=n),
        }
        for n in window
    ]
