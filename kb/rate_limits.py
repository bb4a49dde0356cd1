"""Per-client request limits, counted in the shared cache (django-ratelimit).

Every web worker counts in the same store (`CACHES["default"]`: the database cache
by default, Redis when configured), keyed on the real client address
(`kb.client_ip`). A client over its limit gets 429 with `Retry-After`, the seconds
left in its current window.

Both count every request of a burst: Redis increments atomically, and the database
cache is `kb.database_cache.AtomicDatabaseCache`, whose increment locks the row.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from .client_ip import client_ip


@dataclass(frozen=True)
class Usage:
    limited: bool
    retry_after: int


def _client_key(_group, request) -> str:
    return client_ip(request)


def count_request(request, group: str, rate: str | None) -> Usage:
    """Count this request against `group`'s limit for its client."""
    usage = get_usage(request, group=group, key=_client_key, rate=rate, increment=True)
    if usage is None:  # limits disabled, or the cache failed and we fail open
        return Usage(False, 0)
    return Usage(usage["should_limit"], max(1, int(usage["time_left"])))


def too_many_requests_json(usage: Usage) -> JsonResponse:
    response = JsonResponse(
        {"error": {"message": "too many requests; try again later"}}, status=429
    )
    response["Retry-After"] = str(usage.retry_after)
    return response


def too_many_requests_page(request, usage: Usage, template="rate_limited.html"):
    response = render(
        request,
        template,
        {"retry_after": usage.retry_after},
        status=429,
    )
    response["Retry-After"] = str(usage.retry_after)
    return response


class RateLimitMiddleware:
    """Limit the views named in `settings.RATE_LIMITS` (URL name -> rate) per client.

    Declared by URL name so the views themselves stay free of it; the JSON API
    answers in JSON, pages with a page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        rate = settings.RATE_LIMITS.get(match.url_name) if match else None
        if not rate:
            return None
        usage = count_request(request, match.url_name, rate)
        if not usage.limited:
            return None
        if request.path_info.startswith("/api/"):
            return too_many_requests_json(usage)
        return too_many_requests_page(request, usage)
