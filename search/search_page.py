"""The public search page: the same filters and service as the JSON API, as HTML.

A parameter that cannot be understood is named on the page, in the reader's
language, and left out: the rest of the search (words and valid filters) still runs
and shows, with status 400. A page past the last one says how many practices and
pages the search has, and links to them; an empty result offers ways out, each with
the count it would give. The empty fields a form without JavaScript sends are
taken out of the address by a redirect (`without_form_blanks`).
"""

from dataclasses import replace

from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from practices.facets import FACETS, facet_named

from .filters import WHOLE_NUMBER, FilterError, parse_filters, without_form_blanks
from .service import SearchUnavailable, count_practices, search_practices

# What readers call the parameters that are not facets (facets have their label).
PARAMETER_LABELS = {
    "q": _("search words"),
    "sort": _("order"),
    "page": _("page"),
    "page_size": _("results per page"),
    "year_from": _("start year, from"),
    "year_to": _("start year, to"),
    "documented": _("with documented results"),
    "undated": _("undated practices"),
    "lang": _("language"),
}


def search_page(request):
    lang = "en" if (get_language() or "es").startswith("en") else "es"
    context = {"errors": [], "results": None, "unavailable": False, "lang": lang}
    filters, errors = _parse_keeping_what_is_valid(_without_lang(request.GET), lang)
    tidy = without_form_blanks(request.GET, filters)
    if tidy is not None:
        return redirect(f"{request.path}?{tidy}" if tidy else request.path)
    context["filters"] = filters
    status = 400 if errors else 200
    try:
        context["results"] = search_practices(filters)
    except SearchUnavailable:
        context["unavailable"] = True
        status = 503
    if context["results"]:
        results = context["results"]
        requested = _requested_page(request.GET)
        if requested and requested > results.page_count:
            context["deep_page"] = _deep_page(filters, results, requested)
            errors = [e for e in errors if e.parameter != "page"]
            status = 400 if errors else 404
        context["facet_panels"] = [
            (facet, results.facets[facet.name])
            for facet in FACETS
            if facet_narrows(results.facets[facet.name], results.total)
        ]
        context["chips"] = _chips(results)
        context["pagination"] = _pagination(filters, results.page_count)
        context["clear_url"] = filters.clear_url(request.path)
        if filters.has_years:
            context["include_undated_url"] = filters.url_with(undated=True)
            context["exclude_undated_url"] = filters.url_with(undated=False)
        if results.suggestion:
            context["suggestion_link"] = format_html(
                '<a href="{}" data-suggestion>{}</a>',
                filters.url_with(q=results.suggestion),
                results.suggestion,
            )
        if not results.total:
            context["ways_out"] = _ways_out(filters, context["chips"])
    context["errors"] = [_explained(error) for error in errors]
    # What was typed in a field the search could not use stays in it, to correct.
    context["typed"] = {
        error.parameter: request.GET.get(error.parameter, "") for error in errors
    }
    context["ignored"] = [
        {"label": facet_named(name).label, "value": raw}
        for name, raw in filters.ignored
    ]
    response = render(request, "search/search_page.html", context, status=status)
    if filters.active_filter_count > 1:
        response["X-Robots-Tag"] = "noindex"
    return response


def facet_narrows(values, total: int) -> bool:
    """A facet earns its place on the page only if choosing a value narrows the
    search: not with a single value, nor when every value holds every practice
    (the language facet once every practice is in both). A facet in use stays."""
    if any(value.selected for value in values):
        return True
    counted = [value for value in values if value.count]
    return len(counted) > 1 and any(value.count < total for value in counted)


def _parse_keeping_what_is_valid(params, lang: str):
    """The filters without the parameters that cannot be understood, and the errors."""
    data, errors = params.copy(), []
    while True:
        try:
            return parse_filters(data, default_lang=lang), errors
        except FilterError as error:
            errors.append(error)
            if error.parameter not in data:
                return parse_filters({}, default_lang=lang), errors
            data.pop(error.parameter)


def _explained(error: FilterError) -> dict:
    try:
        label = facet_named(error.parameter).label
    except KeyError:
        label = PARAMETER_LABELS.get(error.parameter, error.parameter)
    return {"label": label, "parameter": error.parameter, "message": error.message}


def _requested_page(params) -> int | None:
    raw = params.get("page", "")
    return int(raw) if WHOLE_NUMBER.fullmatch(raw) else None


def _deep_page(filters, results, requested: int) -> dict:
    last = results.page_count
    return {
        "requested": requested,
        "message": results.no_such_page(requested),
        "last": last,
        "total": results.total,
        "last_url": filters.url_with(page=last) if results.total else None,
        "first_url": filters.url_with(page=1),
    }


def _ways_out(filters, chips) -> list[dict]:
    """Each filter left out in turn, and the words left out, with what they find."""
    ways = []
    for chip in chips:
        without = chip["without"]
        ways.append(
            {
                "label": chip["label"],
                "url": chip["remove"],
                "kind": "filter",
                "count": count_practices(without),
            }
        )
    if filters.q and filters.active_filter_count:
        without_words = replace(filters, q="", page=1)
        ways.append(
            {
                "label": filters.q,
                "url": without_words.url_with(),
                "kind": "words",
                "count": count_practices(without_words),
            }
        )
    return [way for way in ways if way["count"]]


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
                        "without": filters.toggled(facet, value.value),
                    }
                )
    if filters.year_from is not None:
        chips.append(
            {
                "label": f"≥ {filters.year_from}",
                "facet": "year",
                "remove": filters.url_with(year_from=None),
                "without": replace(filters, year_from=None, page=1),
            }
        )
    if filters.year_to is not None:
        chips.append(
            {
                "label": f"≤ {filters.year_to}",
                "facet": "year",
                "remove": filters.url_with(year_to=None),
                "without": replace(filters, year_to=None, page=1),
            }
        )
    if filters.documented:
        chips.append(
            {
                "label": _("With documented results"),
                "facet": "documented",
                "remove": filters.url_with(documented=False),
                "without": replace(filters, documented=False, page=1),
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
