"""A write that meets another's lock gets a message and a retry, never a 500.

On SQLite a writer waits `SQLITE_BUSY_SECONDS` for the lock (kb/settings); past
that, or on PostgreSQL when a lock cannot be had, a serialization fails or a
deadlock is broken, the database raises an error the view did not expect. The
transaction has been rolled back by then, so nothing was half-written: the
person is told so, with a button that sends the same request again (the same form
data, less passwords and files) and `Retry-After`.
"""

from django.db import OperationalError
from django.template.response import TemplateResponse

# PostgreSQL SQLSTATEs that mean "someone else holds it, try again".
RETRYABLE_SQLSTATES = {"55P03", "40001", "40P01"}
RETRY_AFTER_SECONDS = 2


def is_lock_conflict(exc: BaseException) -> bool:
    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    if getattr(cause, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    message = str(exc).lower()
    return "database is locked" in message or "database table is locked" in message


class DatabaseBusyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_lock_conflict(exception):
            return None
        fields = []
        if request.method == "POST":
            fields = [
                (name, value)
                for name, values in request.POST.lists()
                if name != "csrfmiddlewaretoken" and "password" not in name.lower()
                for value in values
            ]
        admin = request.path_info.startswith("/admin/")
        response = TemplateResponse(
            request,
            "kb/admin_database_busy.html" if admin else "kb/database_busy.html",
            {
                "retry_url": request.get_full_path(),
                "method": request.method,
                "fields": fields,
                "had_files": bool(request.FILES),
                "retry_after": RETRY_AFTER_SECONDS,
            },
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response.render()
