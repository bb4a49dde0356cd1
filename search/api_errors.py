"""How the JSON APIs refuse a request: `{"error": {"message", "parameter"}}` with
the status (the `Error` schema of docs/api/openapi.yaml). The search API and the
open data API answer alike."""

from django.http import JsonResponse

UNAVAILABLE = "Search is temporarily unavailable; please try again in a few minutes."


def error_response(
    status: int, message: str, parameter: str | None = None
) -> JsonResponse:
    """`parameter` names the query parameter at fault, when one is."""
    error = {"message": message}
    if parameter:
        error["parameter"] = parameter
    return JsonResponse({"error": error}, status=status)
