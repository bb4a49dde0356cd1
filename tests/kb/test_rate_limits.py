"""Search, the API and autocomplete answer 429 with Retry-After past a per-client
limit counted in the shared cache."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.settings.environment import caches_from_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def tight_limits(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.RATE_LIMITS = {
        "search": "3/d",
        "api-search": "3/d",
        "api-autocomplete": "3/d",
    }


@pytest.mark.parametrize(
    "path", ["/buscar/?q=agua", "/api/v1/search/?q=agua", "/api/v1/autocomplete/?q=ag"]
)
def test_a_client_over_its_limit_gets_429_with_retry_after(client, tight_limits, path):
    statuses = [
        client.get(path, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code
        for _ in range(4)
    ]
    assert 429 not in statuses[:3]
    assert statuses[3] == 429
    response = client.get(path, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 24 * 3600
    if path.startswith("/api/"):
        assert response.json()["error"]["message"]
    else:
        assert "Demasiadas solicitudes" in response.content.decode()


def test_each_client_behind_the_proxy_has_its_own_count(client, tight_limits):
    for _ in range(3):
        client.get("/api/v1/search/?q=a", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert (
        client.get("/api/v1/search/?q=a", HTTP_X_FORWARDED_FOR="203.0.113.5")
    ).status_code == 429
    assert (
        client.get("/api/v1/search/?q=a", HTTP_X_FORWARDED_FOR="203.0.113.6")
    ).status_code != 429


@pytest.fixture
def database_cache(settings):
    """The production default: the cache in a database table (the test settings use
    memory, see kb/settings/test.py)."""
    settings.CACHES = caches_from_url("")
    call_command("createcachetable")


def test_the_count_lives_in_the_shared_cache(client, tight_limits, database_cache):
    """With the default cache (the database), every worker sees the same count."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    assert isinstance(caches["counters"], DatabaseCache)
    for _ in range(4):
        client.get("/api/v1/search/?q=a", HTTP_X_FORWARDED_FOR="203.0.113.7")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM kb_cache_counters WHERE cache_key LIKE '%rl:%'"
        )
        assert cursor.fetchone()[0] >= 1


def test_counting_costs_a_bounded_number_of_queries(client, settings, database_cache):
    """The database cache counts with small queries; Redis needs none."""
    client.get("/api/v1/autocomplete/?q=ag")
    settings.RATE_LIMITS = {**settings.RATE_LIMITS}
    with CaptureQueriesContext(connection) as limited:
        client.get("/api/v1/autocomplete/?q=ag")
    settings.RATE_LIMITS = {}
    with CaptureQueriesContext(connection) as unlimited:
        client.get("/api/v1/autocomplete/?q=ag")
    assert len(limited) - len(unlimited) <= 12


def test_a_reader_well_under_the_limit_costs_no_cache_write(rf, database_cache):
    """A worker adds a client's requests to the shared count in steps (a 32nd of
    the limit), so a few searches under a limit of 320 a day touch no table."""
    from kb.rate_limits import count_request

    request = rf.get("/api/v1/search/", REMOTE_ADDR="198.51.100.20")
    with CaptureQueriesContext(connection) as queries:
        usages = [count_request(request, "api-search", "320/d") for _ in range(9)]
    assert not any(usage.limited for usage in usages)
    assert len(queries) == 0
    count_request(request, "api-search", "320/d")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM kb_cache_counters WHERE cache_key LIKE '%rl:%'"
        )
        assert cursor.fetchone()[0] == 1


def test_one_worker_stops_a_client_exactly_at_its_limit(rf):
    from kb.rate_limits import count_request

    request = rf.get("/api/v1/search/", REMOTE_ADDR="198.51.100.21")
    usages = [count_request(request, "api-search", "96/d") for _ in range(97)]
    assert [usage.limited for usage in usages] == [False] * 96 + [True]
    assert 1 <= usages[-1].retry_after <= 24 * 3600


def test_steps_from_other_workers_are_counted(rf):
    """What other workers added to the shared count is seen at this worker's next
    step: the client is limited on the shared total."""
    from kb import rate_limits
    from kb.caches import counters_cache

    request = rf.get("/api/v1/search/", REMOTE_ADDR="198.51.100.22")
    client, rate = "198.51.100.22", "64/d"
    ends_at = rate_limits.window_end(client, 86400, int(__import__("time").time()))
    counters_cache().set(f"rl:api-search:{rate}:{client}:{ends_at}", 60, 3600)
    usages = [rate_limits.count_request(request, "api-search", rate) for _ in range(6)]
    assert [usage.limited for usage in usages] == [
        False,
        False,
        False,
        False,
        True,
        True,
    ]


def test_rates_are_read_as_django_ratelimit_wrote_them():
    from kb.rate_limits import parse_rate

    assert parse_rate("120/m") == (120, 60)
    assert parse_rate("10/5m") == (10, 300)
    assert parse_rate("3/d") == (3, 86400)
    with pytest.raises(ValueError):
        parse_rate("fast")
