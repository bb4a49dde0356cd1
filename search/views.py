"""The public JSON API: search and autocomplete. Never a 500 for bad input."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .api_errors import UNAVAILABLE, error_response
from .filters import FilterError, parse_filters
from .serializers import results_json
from .service import SearchUnavailable, autocomplete, search_practices


@require_GET
def search_api(request):
    try:
        filters = parse_filters(request.GET)
    except FilterError as exc:
        return error_response(400, exc.message, exc.parameter)
    try:
        results = search_practices(filters)
    except SearchUnavailable:
        return error_response(503, UNAVAILABLE)
    response = JsonResponse(results_json(results))
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def autocomplete_api(request):
    lang = request.GET.get("lang", "es")
    if lang not in ("es", "en"):
        return error_response(400, "must be one of es, en", "lang")
    q = request.GET.get("q", "")
    if len(q) > 100:
        return error_response(400, "at most 100 characters", "q")
    try:
        return JsonResponse(autocomplete(q, lang))
    except SearchUnavailable:
        return error_response(503, UNAVAILABLE)
