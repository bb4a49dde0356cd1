"""The database cache counts every concurrent increment, so the rate limits count
every request of a burst (Django's own `incr` reads and writes back: two workers
at once both write n + 1). Threads with their own connections stand in for
workers; the test is transactional so that they see the table and each other's
commits."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from django.test import RequestFactory

from kb.caches import COUNTERS
from kb.rate_limits import count_request
from kb.settings.environment import caches_from_url

# Like the suite's other transactional tests, it restores the migrated data after its
# flush: a flush without it re-creates content types, which a later test's restore
# then collides with.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORKERS = 8
ATTEMPTS = 400


@pytest.fixture
def database_cache(settings):
    settings.CACHES = caches_from_url("")
    call_command("createcachetable")
    # The rate limits count in the counters cache: the one under test.
    yield caches[COUNTERS]
    caches[COUNTERS].clear()


def _in_workers(attempt, times: int) -> list:
    """Call `attempt` `times` times over WORKERS threads started together."""
    start = threading.Barrier(WORKERS)

    def work(share: int) -> list:
        start.wait()
        try:
            return [attempt() for _ in range(share)]
        finally:
            connections.close_all()  # a thread's connection must not outlive it

    with ThreadPoolExecutor(WORKERS) as pool:
        shares = pool.map(work, [times // WORKERS] * WORKERS)
        return [result for share in shares for result in share]


def test_concurrent_increments_all_count(database_cache):
    database_cache.set("burst", 0, 60)
    results = _in_workers(lambda: database_cache.incr("burst"), ATTEMPTS)
    assert database_cache.get("burst") == ATTEMPTS
    assert sorted(results) == list(range(1, ATTEMPTS + 1))  # each saw its own count


def test_a_burst_from_one_client_is_limited_exactly(database_cache, settings):
    """N concurrent requests against a limit L: exactly N - L are refused."""
    limit = ATTEMPTS // 4
    request = RequestFactory().get("/api/v1/search/", REMOTE_ADDR="203.0.113.9")
    usages = _in_workers(
        lambda: count_request(request, "api-search", f"{limit}/d"), ATTEMPTS
    )
    assert sum(usage.limited for usage in usages) == ATTEMPTS - limit
