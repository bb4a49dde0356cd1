"""Liveness and readiness endpoints for load balancers and operators."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from practices.translation import translator_status
from search.health import check_search_health


@never_cache
@require_GET
def healthz(request):
    """The process is alive and serving requests."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """The database and public search are both able to answer.

    Machine translation is reported too, as a warning only: without it search still
    answers, in each practice's own language.
    """
    checks = {"database": _database_check(), "opensearch": _search_check()}
    ready = all(check["ok"] for check in checks.values())
    failing = [name for name, check in checks.items() if not check["ok"]]
    body = {"status": "ok" if ready else "unavailable", "checks": checks}
    if failing:
        body["failing"] = failing
    translator = translator_status()
    # Degraded, not down: search answers without machine translations.
    checks["machine_translation"] = {"ok": translator.ok, "detail": translator.detail}
    if not translator.ok:
        body["warnings"] = [f"machine translation: {translator.detail}"]
    return JsonResponse(body, status=200 if ready else 503)


def _database_check() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"ok": False, "detail": f"database error: {type(exc).__name__}"}
    return {"ok": True, "detail": connection.vendor}


def _search_check() -> dict:
    health = check_search_health()
    return {"ok": health.ok, "detail": health.detail}
