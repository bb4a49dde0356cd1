"""The OpenSearch connection, built from settings when first needed."""

from functools import lru_cache

from django.conf import settings
from opensearchpy import OpenSearch


def get_client() -> OpenSearch:
    return _client_for(
        tuple(settings.OPENSEARCH_URL), settings.OPENSEARCH_TIMEOUT_SECONDS, True
    )


def get_bulk_client() -> OpenSearch:
    """The same cluster for bulk writes, whose bodies are sent uncompressed: gzip (at
    level 9, opensearch-py's only level) of megabytes of documents costs more CPU
    than the network saves between nodes in one data centre. A 2,000-document bulk
    load ran at 470-540 documents/s compressed, 730-900 uncompressed, on 2 cores
    shared with the engine."""
    return _client_for(
        tuple(settings.OPENSEARCH_URL), settings.OPENSEARCH_TIMEOUT_SECONDS, False
    )


@lru_cache(maxsize=8)
def _client_for(hosts: tuple[str, ...], timeout: float, compress: bool) -> OpenSearch:
    # A node that refuses connections is skipped for the next one of the cluster (each
    # host is tried once); a node that is slow is not retried: that must fail fast.
    return OpenSearch(
        hosts=list(hosts),
        timeout=timeout,
        max_retries=len(hosts) - 1,
        retry_on_timeout=False,
        http_compress=compress,
        # A rebuild sends two bulk requests at once (search.indexer.BULK_THREADS).
        pool_maxsize=4,
    )


def index_name(base: str) -> str:
    """The public name (an alias) of one of our indices, under the configured prefix."""
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{base}"
