"""At most 10 database queries per public page, once its caches are warm.

The first view of a practice after it is published renders its body (terms, sources,
documents, keywords: six more queries) and stores it; later views reuse it until the
next publish. scripts/benchmark_pages.py prints both counts.

Cache reads are not counted: the shared cache is a database table by default (one
indexed SELECT per read) and Redis in a busy deployment; MAX_CACHE_READS bounds them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kb.settings.environment import CACHE_TABLE
from practices.models import PracticePage
from search import labels

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
MAX_CACHE_READS = 6
PATHS = [
    "/",
    "/en/",
    "/buscar/",
    "/en/search/?q=budget&country=MX&country=BR&level=municipal",
    "/buscar/?q=zzqxjv",
    "/acerca/",
    "/en/privacy/",
    "/contribuir/",
    "/en/contribute/",
    "/no-existe/",
]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """The budget is for rendering; rate-limit bookkeeping is measured on its own
    in tests/kb/test_rate_limits.py."""
    settings.RATE_LIMITS = {}


@pytest.fixture(autouse=True)
def _fresh_labels(monkeypatch):
    """Facet labels are reloaded every few minutes (search.labels.CACHE_SECONDS):
    loaded now, a reload due in a long test run is not counted as a rendering."""
    monkeypatch.setattr(labels, "CHECK_SECONDS", 0)
    labels.clear_label_cache()
    labels.facet_labels()


def queries_for(client, path: str, expected_status: int = 200) -> int:
    assert client.get(path).status_code == expected_status  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == expected_status
    cache_reads = [q for q in captured.captured_queries if CACHE_TABLE in q["sql"]]
    assert len(cache_reads) <= MAX_CACHE_READS, cache_reads
    return len(_without_cache(captured.captured_queries))


def _without_cache(queries) -> list:
    """The page's own queries: not the cache table's, nor the savepoints its
    writes are wrapped in."""
    return [
        q
        for q in queries
        if CACHE_TABLE not in q["sql"]
        and not q["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO"))
    ]


@pytest.mark.parametrize("path", PATHS)
def test_page_stays_within_the_query_budget(client, corpus, path):
    expected = 404 if path == "/no-existe/" else 200
    assert queries_for(client, path, expected) <= MAX_QUERIES


@pytest.mark.parametrize("language", ["es", "en"])
def test_practice_page_stays_within_the_query_budget(client, corpus, language):
    practice = (
        PracticePage.objects.live()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    assert queries_for(client, practice.url) <= MAX_QUERIES


def test_first_view_after_publishing_stays_within_its_own_budget(
    client, corpus, monkeypatch
):
    """Rendering a practice's body once costs six more queries (terms, keywords,
    sources, documents); this keeps that from growing unnoticed."""
    practice = PracticePage.objects.live().filter(source_id="zapopan").first()
    practice.save_revision().publish()  # a new published state: nothing cached for it
    practice.refresh_from_db()
    # Labels, footer links and site paths cached after the publish, as on any running
    # site: what is counted below is the practice's own first rendering.
    client.get("/")
    # Facet labels are reloaded every few minutes (search.labels.CACHE_SECONDS): load
    # them now, so a reload due in a long test run is not counted as this rendering.
    monkeypatch.setattr(labels, "CHECK_SECONDS", 0)
    labels.clear_label_cache()
    labels.facet_labels()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(practice.url).status_code == 200
    queries = [q["sql"] for q in _without_cache(captured.captured_queries)]
    assert len(queries) <= MAX_QUERIES + 6, "\n".join(queries)
