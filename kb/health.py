"""Liveness and readiness endpoints for load balancers and operators.

`/readyz` is public: anyone gets the status and its HTTP code, while the checks'
details (database engine, cluster status, Apertium's modes) go only to loopback
clients (the load balancer, an operator on the host) and signed-in staff. The
Apertium check starts a process, so its answer is kept for a minute.
"""

import ipaddress
from contextlib import suppress

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from practices.translation import translator_status
from search.health import check_search_health

from .client_ip import client_ip

TRANSLATOR_CHECK_KEY = "readyz:machine-translation"
TRANSLATOR_CHECK_SECONDS = 60


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
    translator = _translator_check()
    # Degraded, not down: search answers without machine translations.
    checks["machine_translation"] = translator
    if not translator["ok"]:
        body["warnings"] = [f"machine translation: {translator['detail']}"]
    if not _may_see_details(request):
        body = {"status": body["status"]}
    return JsonResponse(body, status=200 if ready else 503)


def _may_see_details(request) -> bool:
    try:
        if ipaddress.ip_address(client_ip(request)).is_loopback:
            return True
    except ValueError:
        pass
    try:  # the session is in the database, which may be the thing that is down
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and user.is_staff)
    except DatabaseError:
        return False


def _translator_check() -> dict:
    """Apertium's status, checked at most once a minute (each check is a process);
    checked every time only when the cache (perhaps the database) is down."""
    try:
        check = cache.get(TRANSLATOR_CHECK_KEY)
    except Exception:  # noqa: BLE001 - readiness must answer whatever is down
        check = None
    if check is None:
        status = translator_status()
        check = {"ok": status.ok, "detail": status.detail}
        with suppress(Exception):  # unkept: the next call checks again
            cache.set(TRANSLATOR_CHECK_KEY, check, TRANSLATOR_CHECK_SECONDS)
    return check


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
