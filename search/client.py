"""The OpenSearch connection, built from settings when first needed."""

from functools import lru_cache

from django.conf import settings
from opensearchpy import OpenSearch


def get_client() -> OpenSearch:
    return _client_for(
        tuple(settings.OPENSEARCH_URL), settings.OPENSEARCH_TIMEOUT_SECONDS
    )


@lru_cache(maxsize=8)
def _client_for(hosts: tuple[str, ...], timeout: float) -> OpenSearch:
    # A node that refuses connections is skipped for the next one of the cluster (each
    # host is tried once); a node that is slow is not retried: that must fail fast.
    return OpenSearch(
        hosts=list(hosts),
        timeout=timeout,
        max_retries=len(hosts) - 1,
        retry_on_timeout=False,
        http_compress=True,
    )


def index_name(base: str) -> str:
    """The public name (an alias) of one of our indices, under the configured prefix."""
    return f"{settings.OPENSEARCH_INDEX_PREFIX}-{base}"
