"""The public JSON API: search and autocomplete. Never a 500 for bad input."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from .filters import FilterError, parse_filters
from .serializers import results_json
from .service import SearchUnavailable, autocomplete, search_practices

UNAVAILABLE = "Search is temporarily unavailable; please try again in a few minutes."


def _error(status: int, message: str, parameter: str | None = None) -> JsonResponse:
    error = {"message": message}
    if parameter:
        error["parameter"] = parameter
    return JsonResponse({"error": error}, status=status)


@require_GET
def search_api(request):
    try:
        filters = parse_filters(request.GET)
    except FilterError as exc:
        return _error(400, exc.message, exc.parameter)
    try:
        results = search_practices(filters)
    except SearchUnavailable:
        return _error(503, UNAVAILABLE)
    response = JsonResponse(results_json(results))
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_GET
def autocomplete_api(request):
    lang = request.GET.get("lang", "es")
    if lang not in ("es", "en"):
        return _error(400, "must be one of es, en", "lang")
    q = request.GET.get("q", "")
    if len(q) > 100:
        return _error(400, "at most 100 characters", "q")
    try:
        return JsonResponse(autocomplete(q, lang))
    except SearchUnavailable:
        return _error(503, UNAVAILABLE)
