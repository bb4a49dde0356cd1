"""The public JSON API: search and autocomplete. Never a 500 for bad input.

Without `lang`, the language (of labels, titles and error messages) is the first of
Spanish and English the request's Accept-Language names, else Spanish; answers say
so with `Vary: Accept-Language`, for caches.
"""

from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kb.absolute_urls import absolute_url
from kb.translations import site_languages

from .api_errors import UNAVAILABLE, error_response
from .filters import FilterError, accepted_language, parse_filters
from .serializers import results_json
from .service import SearchUnavailable, autocomplete, search_practices


def _reader_language(request) -> str:
    return accepted_language(request.headers.get("Accept-Language"))


def _varying(response):
    patch_vary_headers(response, ["Accept-Language"])
    return response


@require_GET
def search_api(request):
    try:
        filters = parse_filters(request.GET, default_lang=_reader_language(request))
    except FilterError as exc:
        return _varying(error_response(400, exc.message, exc.parameter))
    try:
        results = search_practices(filters)
    except SearchUnavailable:
        return _varying(error_response(503, UNAVAILABLE))
    if filters.page > results.page_count:
        # Past the last page: said, as the HTML page says it, not an empty page.
        return _varying(error_response(404, _no_such_page(results), "page"))
    response = JsonResponse(
        results_json(results, absolute=lambda path: absolute_url(path, request))
    )
    response["Cache-Control"] = "public, max-age=60"
    return _varying(response)


def _no_such_page(results) -> str:
    with translation.override(results.filters.lang):
        return results.no_such_page(results.filters.page)


@require_GET
def autocomplete_api(request):
    lang = request.GET.get("lang", "") or _reader_language(request)
    languages = site_languages()
    with translation.override(lang if lang in languages else _reader_language(request)):
        if lang not in languages:
            message = _("must be one of %(choices)s") % {
                "choices": ", ".join(languages)
            }
            return _varying(error_response(400, message, "lang"))
        q = request.GET.get("q", "")
        if len(q) > 100:
            message = _("at most %(count)s characters") % {"count": 100}
            return _varying(error_response(400, message, "q"))
    try:
        found = autocomplete(q, lang)
        for practice in found["practices"]:
            practice["url"] = absolute_url(practice["url"], request)
        response = JsonResponse(found)
    except SearchUnavailable:
        response = error_response(503, UNAVAILABLE)
    return _varying(response)
