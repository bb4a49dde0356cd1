"""The OpenSearch connection, built from settings when first needed."""

from functools import lru_cache

from django.conf import settings
from opensearchpy import OpenSearch


def get_client() -> OpenSearch:
    """The cluster's client, for searches and bulk writes alike. Bodies go
    uncompressed: gzip (at level 9, opensearch-py's only level) costs more CPU than
    the network saves between nodes in one data centre. On 2 cores shared with the
    engine, a 2,000-document bulk load ran at 470-540 documents/s compressed,
    730-900 uncompressed, and a hybrid search spent 15-16 ms (p50) outside the
    engine's `took` compressed, 11-12 uncompressed (`python -m
    bench.compression_cost`, docs/capacity.md)."""
    return _client_for(
        tuple(settings.OPENSEARCH_URL), settings.OPENSEARCH_TIMEOUT_SECONDS
    )


def get_bulk_client() -> OpenSearch:
    """The client for bulk writes: the same one (see `get_client`)."""
    return get_client()


@lru_cache(maxsize=8)
def _client_for(hosts: tuple[str, ...], timeout: float) -> OpenSearch:
    # A node that refuses connections is skipped for the next one of the cluster (each
    # host is tried once); a node that is slow is not retried: that must fail fast.
    return OpenSearch(
        hosts=list(hosts),
        timeout=timeout,
        max_retries=len(hosts) - 1,
        retry_on_timeout=False,
        http_compress=False,
        # A rebuild sends two bulk requests at once (search.indexer.BULK_THREADS).
        pool_maxsize=4,
    )


def index_name(base: str) -> str:
    """The public name (an alias) of one of our indices, under the configured prefix."""
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{base}"
