"""Limits that hold: a stream of unique searches fills only the bounded queries
cache, so the rate-limit counts and the labels' version stamp survive it (issue
#24: after 305 query vectors the database cache had culled both).

The production caches are used: database tables, one per alias (kb/caches.py).
"""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from kb.caches import COUNTERS, QUERIES, queries_cache
from kb.rate_limits import count_request, forget_local_counts
from kb.settings.environment import DEFAULT_CACHE_MAX_ENTRIES, caches_from_url
from search import labels, vectors

pytestmark = pytest.mark.django_db

UNIQUE_SEARCHES = 10_000
VECTOR = [0.0] * vectors.DIMENSIONS


@pytest.fixture
def database_caches(settings):
    settings.CACHES = caches_from_url("")
    call_command("createcachetable")
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


def _rows(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - our names
        return cursor.fetchone()[0]


@pytest.mark.slow
def test_ten_thousand_unique_searches_leave_the_limits_in_place(database_caches):
    request = RequestFactory().get("/api/v1/export/", REMOTE_ADDR="203.0.113.40")
    for _ in range(3):
        assert not count_request(request, "api-export", "3/d").limited
    version = labels._shared_version()

    queries = queries_cache()
    for n in range(UNIQUE_SEARCHES):
        # What search.vectors.query_vector stores for each new query.
        key = f"search:qvec:{vectors.text_hash(f'consulta número {n}')}"
        queries.set(key, VECTOR, vectors.QUERY_CACHE_SECONDS)

    # Another worker (no local count) still finds this client over its limit.
    forget_local_counts()
    assert count_request(request, "api-export", "3/d").limited
    assert labels._shared_version() == version
    assert _rows("kb_cache_queries") <= DEFAULT_CACHE_MAX_ENTRIES[QUERIES]
    assert _rows("kb_cache_counters") >= 2  # the count and the version stamp


def test_query_vectors_and_counts_live_in_caches_of_their_own(database_caches):
    assert caches[COUNTERS]._table != caches[QUERIES]._table
    assert caches["default"]._table not in (
        caches[COUNTERS]._table,
        caches[QUERIES]._table,
    )
    if vectors.encoder_problem():
        pytest.skip(vectors.encoder_problem())
    vectors.query_vector("presupuesto participativo")
    assert _rows("kb_cache_queries") == 1
    assert _rows("kb_cache") == 0
