"""Per-client request limits, counted in the shared cache.

Every web worker counts in the same store (`CACHES["counters"]`, kb/caches.py: a
database table of its own by default, Redis when configured, never culled by other
entries), keyed on the real client address
(`kb.client_ip`), in fixed windows (django-ratelimit's, staggered per client). A
client over its limit gets 429 with `Retry-After`, the seconds left in its window.

Counting costs a write to the shared cache, and on the database cache a write is a
transaction (on SQLite, a commit that waits for the disk and for every other
worker). So a worker adds its own requests to the shared count in steps of
1/COUNT_STEP_FRACTION of the limit (one request at a time for limits under that),
and decides on the shared count it last saw plus its requests not yet added. A
reader who sends a few searches a minute never writes at all. The price: a client
spreading its requests over W workers may pass its limit by at most about
2 × W × step before every worker says no (about a sixth of the limit with three
workers). Within one worker (its threads included) the count is exact. Every step
is counted: Redis increments atomically, and the database cache is
`kb.database_cache.AtomicDatabaseCache`, whose increment locks the row.
"""

import logging
import re
import threading
import time
import zlib
from dataclasses import dataclass, field

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render

from .caches import counters_cache
from .client_ip import client_ip

logger = logging.getLogger(__name__)

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"(?P<count>\d+)/(?P<multiplier>\d*)(?P<unit>[smhd])")
# A worker adds its requests to the shared count every limit / COUNT_STEP_FRACTION.
COUNT_STEP_FRACTION = 32
# A counter outlives its window by a little, so a late add still finds it.
EXPIRY_MARGIN = 5  # seconds
# Past this many clients, a worker forgets the ones whose window has ended.
LOCAL_ENTRIES_BEFORE_PRUNE = 10_000


@dataclass(frozen=True)
class Usage:
    limited: bool
    retry_after: int


@dataclass
class _WindowCount:
    """One client's count in one window, as this worker knows it."""

    ends_at: int
    shared: int = 0  # the shared total at this worker's last step
    pending: int = 0  # this worker's requests not yet added to it
    lock: threading.Lock = field(default_factory=threading.Lock)


_counts: dict[str, _WindowCount] = {}
_lock = threading.Lock()


def parse_rate(rate: str) -> tuple[int, int]:
    """`"120/m"` -> (120, 60); `"10/5m"` -> (10, 300)."""
    match = RATE.fullmatch(rate.strip())
    if match is None:
        raise ValueError(f"not a rate: {rate!r} (expected e.g. 120/m)")
    multiplier = int(match["multiplier"] or 1)
    return int(match["count"]), multiplier * PERIODS[match["unit"]]


def window_end(client: str, period: int, now: int) -> int:
    """When the client's current window ends: windows are `period` long, shifted
    per client (as django-ratelimit does) so that clients do not all reset at once."""
    if period == 1:
        return now + 1
    end = now - now % period + zlib.crc32(client.encode()) % period
    return end + period if end <= now else end


def count_request(request, group: str, rate: str | None) -> Usage:
    """Count this request against `group`'s limit for its client."""
    if not rate or not getattr(settings, "RATELIMIT_ENABLE", True):
        return Usage(False, 0)
    limit, period = parse_rate(rate)
    client = client_ip(request)
    now = int(time.time())
    ends_at = window_end(client, period, now)
    key = f"rl:{group}:{rate}:{client}:{ends_at}"
    step = max(1, limit // COUNT_STEP_FRACTION)
    with _lock:
        entry = _counts.get(key)
        if entry is None:
            _forget_ended(now)
            entry = _counts[key] = _WindowCount(ends_at)
    # Held while the step is added, so this worker's threads count exactly.
    with entry.lock:
        entry.pending += 1
        if entry.pending >= step:
            total = _add_to_shared(key, entry.pending, ends_at - now + EXPIRY_MARGIN)
            if total is None:  # the cache failed: fail open, as before
                return Usage(False, 0)
            entry.shared, entry.pending = total, 0
        count = entry.shared + entry.pending
    return Usage(count > limit, max(1, ends_at - now))


def _add_to_shared(key: str, amount: int, timeout: int) -> int | None:
    cache = counters_cache()
    try:
        if cache.add(key, amount, timeout):
            return amount
        return cache.incr(key, amount)
    except ValueError:  # expired between the add and the increment
        cache.set(key, amount, timeout)
        return amount
    except Exception:  # noqa: BLE001 - any backend's failure must not stop the site
        logger.warning("rate limit count failed; not limiting", exc_info=True)
        return None


def _forget_ended(now: int) -> None:
    if len(_counts) < LOCAL_ENTRIES_BEFORE_PRUNE:
        return
    for key in [key for key, entry in _counts.items() if entry.ends_at <= now]:
        del _counts[key]


def forget_local_counts() -> None:
    """This worker's counts not yet added to the shared cache, dropped (tests that
    empty the shared cache drop these too)."""
    with _lock:
        _counts.clear()


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
